/**
 * The deployment's secrets: each can be given in a variable or, for container secrets, in a file
 * named by the same variable with {@code _FILE}; a missing one stops the start with a message that
 * says what to set.
 */
package se.tidigt.platform.secrets;
