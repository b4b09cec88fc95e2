package se.tidigt.rollout.api;

import java.time.LocalDate;

/** A district's place in a rollout plan: its wave (from 1) and the wave's start. */
public record WaveAssignment(String district, int wave, LocalDate start) {
}
