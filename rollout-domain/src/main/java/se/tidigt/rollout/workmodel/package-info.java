/** Work models the city can roll out, such as ordinary work and the Vällingby team. */
package se.tidigt.rollout.workmodel;
