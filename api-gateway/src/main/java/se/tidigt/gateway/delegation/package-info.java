/** The district's delegation order: who decides which step of a case alone, read and changed by the district. */
package se.tidigt.gateway.delegation;
