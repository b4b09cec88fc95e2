package se.tidigt.platform.axon;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.stereotype.Component;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The command side of every write: send the command built for the expected version, take the aggregate's new
 * version from the events the command appended (exactly the one this write made; {@link AppendedVersions}), and
 * decide a write that lost a race once more. A resource's version is the number of events in its stream. What
 * the write answers (status, ETag, Location, its idempotency record) is the web's: the gateway wraps this.
 */
@Component
public class CommandWrites {
    private final CommandGateway commands;
    private final EventStore eventStore;
    private final AppendedVersions appended;

    CommandWrites(CommandGateway commands, EventStore eventStore, AppendedVersions appended) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.appended = appended;
    }

    /** What a write left: the aggregate it changed and that aggregate's version after it. */
    public record Written(String aggregateId, long version) {
    }

    /**
     * Runs {@code attempt}, a whole write in its own transaction, and runs it once more if it lost a race.
     *
     * <p>The aggregate may have come from this instance's cache while another instance appended to it (a write
     * behind the cache's back): the rollback evicted it, so the request is decided once more on the stored stream.
     * A truly stale expected version fails again, a rule the stored state breaks fails again; only an artefact of
     * the cache or of a race for the next sequence number goes.
     */
    public <T> T retryingLostRace(Supplier<T> attempt) {
        try {
            return attempt.get();
        } catch (RuntimeException e) {
            if (!lostRace(e)) {
                throw e;
            }
            return attempt.get();
        }
    }

    /**
     * Sends the command within the caller's transaction.
     *
     * @param expectedVersion the version the writer saw (from If-Match), or null
     * @param command         given the expected version, the command to send
     */
    public Written send(String aggregateId, Long expectedVersion, Function<Long, Object> command) {
        return new Written(aggregateId, lastSequenceAfter(aggregateId, command.apply(expectedVersion)) + 1);
    }

    private static boolean lostRace(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException || cause instanceof ConflictingAggregateVersionException) {
                return true;
            }
        }
        return false;
    }

    /** Sends the command; the aggregate's last sequence number as the command left it. */
    private long lastSequenceAfter(String aggregateId, Object command) {
        // A command that appended nothing (nothing changed) leaves the stored number as it was.
        return appended.watch(aggregateId, () -> commands.sendAndWait(command)).orElseGet(() -> lastStored(aggregateId));
    }

    private long lastStored(String aggregateId) {
        return eventStore.lastSequenceNumberFor(aggregateId).orElseThrow();
    }
}
