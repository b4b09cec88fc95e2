/**
 * The Case aggregate: a child's case from concern to closure, and the rules that govern each step.
 * Only the application's Axon configuration touches it; everyone else speaks its {@code api}.
 */
package se.tidigt.cases;
