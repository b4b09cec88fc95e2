/**
 * What was recorded, by whom and when: a case's events as stored, and the case replayed as known at
 * a past instant (recording time) or as it stood in the world then (business time).
 */
package se.tidigt.audit.history;
