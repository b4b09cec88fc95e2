/**
 * The embedded PostgreSQL default and what follows from running on it (demo users, loopback only).
 */
package se.tidigt.platform.database;
