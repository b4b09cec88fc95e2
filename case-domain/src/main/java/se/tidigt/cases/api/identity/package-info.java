/**
 * The child's personal identity number, validated and turned into a keyed pseudonym at the edge;
 * the number itself is never stored. Also synthetic numbers for tests and demo data.
 */
package se.tidigt.cases.api.identity;
