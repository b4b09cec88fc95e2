/**
 * Who is acting and what they may do: JWTs from the city's identity provider (and the demo users over
 * HTTP Basic on a machine of one's own), one table of access rules applied before any body is read,
 * district scoping, security headers and CORS.
 */
package se.tidigt.gateway.security;
