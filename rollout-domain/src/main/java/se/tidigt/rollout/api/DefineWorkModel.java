package se.tidigt.rollout.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Adds a work model the city can roll out. */
public record DefineWorkModel(@TargetAggregateIdentifier String code, String name, List<String> principles) {
}
