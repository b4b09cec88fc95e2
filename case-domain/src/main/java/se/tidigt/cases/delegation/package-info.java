/** A district's delegation order: who decides which step of a case alone, from which date. */
package se.tidigt.cases.delegation;
