/**
 * Where each projection stands, and rebuilding one from the event store: a replay through its processor, or in bulk
 * for the statistics (pages of events fed to the projection's own handlers, one transaction a page).
 */
package se.tidigt.platform.replays;
