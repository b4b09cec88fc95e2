/**
 * Synthetic demo data for an empty embedded database: a rollout story and cases at every stage.
 */
package se.tidigt.gateway.demo;
