/**
 * How request bodies are read: strictly. A value is taken only in the form the API documents, and
 * only within what the application and PostgreSQL can hold; anything else is a 400 naming the field.
 */
package se.tidigt.gateway.input;
