/** A district's rollout through time: adoption, suspension, reinstatement, funding, staffing, plans. */
package se.tidigt.rollout.district;
