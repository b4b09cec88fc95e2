/**
 * The city's districts through time, from configuration, validated at start-up.
 */
package se.tidigt.gateway.districts;
