/**
 * The served OpenAPI document, with every error each endpoint can answer.
 */
package se.tidigt.gateway.openapi;
