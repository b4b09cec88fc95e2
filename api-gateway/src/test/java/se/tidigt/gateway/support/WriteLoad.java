package se.tidigt.gateway.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;

/**
 * Concurrent clients writing cases over real HTTP until stopped or until the application stops
 * answering: each raises a case, then adds collaborations to it with {@code If-Match}, and records
 * every write that was acknowledged (2xx) as the case's acknowledged version. A write whose answer
 * never came (the process was killed) is not acknowledged; it may or may not be stored.
 */
public final class WriteLoad {
    private static final int STEPS_PER_CASE = 5;

    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> clients = new ArrayList<>();

    /** Starts {@code count} clients; client {@code i} writes through {@code apiFor.apply(i)}. */
    public static WriteLoad start(int count, IntFunction<Api> apiFor) {
        WriteLoad load = new WriteLoad();
        for (int i = 0; i < count; i++) {
            Api api = apiFor.apply(i);
            Thread client = new Thread(() -> load.run(api), "write-load-" + i);
            client.setDaemon(true);
            load.clients.add(client);
            client.start();
        }
        return load;
    }

    private void run(Api api) {
        try {
            while (!stop.get()) {
                Api.Response raised = api.post("/api/v1/districts/hasselby-vallingby/cases", concern(daysAgo(3)));
                if (raised.status() != 201) {
                    refused.add(raised.toString());
                    continue;
                }
                String caseId = raised.json().get("caseId").asText();
                acknowledge(caseId, 1);
                for (long version = 1; version < STEPS_PER_CASE && !stop.get(); version++) {
                    Api.Response added = api.with("If-Match", "\"" + version + "\"").post("/api/v1/cases/" + caseId
                            + "/collaborations", Map.of("partner", "SCHOOL", "kind", "MEETING",
                            "occurredAt", daysAgo(2).toString()));
                    if (added.status() != 200) {
                        refused.add(added.toString());
                        break;
                    }
                    acknowledge(caseId, version + 1);
                }
            }
        } catch (IllegalStateException connectionLost) {
            // the application is gone (killed): this client's last write has no answer
        }
    }

    private void acknowledge(String caseId, long version) {
        acknowledged.put(caseId, version);
        writes.incrementAndGet();
    }

    /** Waits until this many writes were acknowledged, or the time is up. */
    public WriteLoad awaitAcknowledged(int count, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (writes.get() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        return this;
    }

    /** Stops the clients (they finish the write in hand) and waits for them. */
    public WriteLoad stop() throws InterruptedException {
        stop.set(true);
        return awaitClients();
    }

    /** Waits for clients that ended by themselves (their application was killed). */
    public WriteLoad awaitClients() throws InterruptedException {
        for (Thread client : clients) {
            client.join(30_000);
        }
        return this;
    }

    /** Case id → the highest version a write to it was acknowledged with. */
    public Map<String, Long> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    /** How many writes were acknowledged. */
    public int writes() {
        return writes.get();
    }

    /** Answers that were not 2xx (each with its body). */
    public List<String> refused() {
        return List.copyOf(refused);
    }
}
