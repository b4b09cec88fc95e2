/**
 * The case domain's contract: commands, events (facts with business time), value types, deadlines.
 * The read side and the gateway may use this package and nothing else of the domain.
 */
package se.tidigt.cases.api;
