/**
 * The offline verifier of case exports: one self-contained file an outside party runs with a JDK
 * alone, and the one Java definition of the event chain and the digest that the application shares.
 */
package se.tidigt.audit.verifier;
