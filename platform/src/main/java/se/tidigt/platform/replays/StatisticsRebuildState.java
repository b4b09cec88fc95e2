package se.tidigt.platform.replays;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;
import se.tidigt.query.stats.StatisticsRebuild;

/**
 * The statistics' rebuild as this instance runs it: a bulk rebuild (the processor shut down meanwhile) or
 * Axon's reset (the processor replaying) of {@code case-statistics}.
 */
@Component
class StatisticsRebuildState implements StatisticsRebuild {
    private final Replays replays;
    private final EventProcessingConfiguration processing;

    StatisticsRebuildState(Replays replays, EventProcessingConfiguration processing) {
        this.replays = replays;
        this.processing = processing;
    }

    @Override
    public boolean running() {
        Replays.ReplayState replay = replays.state(PROCESSING_GROUP);
        return (replay != null && replay.running())
                || processing.eventProcessor(PROCESSING_GROUP, StreamingEventProcessor.class)
                        .map(StreamingEventProcessor::isReplaying).orElse(false);
    }
}
