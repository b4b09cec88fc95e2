/**
 * The Spring Boot application: REST for districts, the city, auditors and operators, security, problem details,
 * input rules, OpenAPI and the dashboard. It stands on the modules beneath it (platform, personal data, audit,
 * demo data, the read side and the domains) and is the only one that knows them all.
 */
package se.tidigt.gateway;
