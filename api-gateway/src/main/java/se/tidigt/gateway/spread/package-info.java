/**
 * The spread investigation: per district, what the work model would give (from the evidence engine's
 * effect and interval), need (capacity from staffing records) and cost (from funding records), the
 * socio-economic view by payer, scenarios of waves, and the report a council committee reads.
 */
package se.tidigt.gateway.spread;
