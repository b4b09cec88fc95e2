/**
 * Several instances on one PostgreSQL database: each announces itself with a heartbeat, the streaming
 * projections' segments are shared out evenly over the live instances, and work that must happen once
 * (the demo data) is done under a database lock.
 */
package se.tidigt.platform.cluster;
