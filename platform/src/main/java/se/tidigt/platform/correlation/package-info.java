/** The correlation id a request carries into the log and into every event's metadata. */
package se.tidigt.platform.correlation;
