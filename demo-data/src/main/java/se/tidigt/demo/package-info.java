/**
 * The synthetic city for demos and benchmarks: a seeded generator of case histories and the
 * rollout story from 2019 to last month, written through the command side (the aggregates decide)
 * with every event marked synthetic, and the load's progress for the platform admin.
 */
package se.tidigt.demo;
