/**
 * Each case as it stands now, for district users: the case list, search by child, the deadline
 * worklist. Kept in the transaction of the write, so reads see every acknowledged write.
 */
package se.tidigt.query.caseview;
