package se.tidigt.rollout.api;

/** How a plan spreads a model: a stepped wedge puts districts in seeded random waves. */
public enum RolloutDesign { STEPPED_WEDGE }
