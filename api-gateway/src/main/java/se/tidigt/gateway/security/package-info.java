/**
 * Who is acting: demo users over HTTP Basic now, production identity later; roles and district scoping.
 */
package se.tidigt.gateway.security;
