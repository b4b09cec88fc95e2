/**
 * Work that one instance does for itself every so often, on a thread of its own (work that must happen once in
 * the cluster is db-scheduler's).
 */
package se.tidigt.platform.periodic;
