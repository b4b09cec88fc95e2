/** City rollout plans: stepped-wedge waves drawn from a seed, and their approval. */
package se.tidigt.rollout.plan;
