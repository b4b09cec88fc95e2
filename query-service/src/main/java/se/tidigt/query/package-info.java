/**
 * The read side: projections of the domains' events into PostgreSQL tables, and the questions they answer.
 */
package se.tidigt.query;
