/**
 * The Spring Boot application: REST for districts, the city and operators, security, problem details,
 * idempotent writes, the embedded database and demo data. The only module that knows all the others.
 */
package se.tidigt.gateway;
