package se.tidigt.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.tidigt.gateway.TidigtApplication;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.SyntheticEvents;
import se.tidigt.gateway.support.TestDatabase;

import java.util.Map;

/**
 * How fast the statistics projection ({@code case-statistics}) rebuilds: writes a synthetic city's
 * events into the event store ({@link SyntheticEvents}), lets the projection catch up, then replays it
 * through the admin API and times the replay until every segment is back at the head, printing the
 * replay progress on the way. Arguments: cases (default 20000; 115000 gives about 1,000,000 events),
 * then any number of {@code --name=value} settings for the application (e.g.
 * {@code --axon.eventhandling.processors.case-statistics.batch-size=100}), so levers can be compared.
 */
public final class StatisticsReplayBenchmark {

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        String[] settings = new String[args.length > 1 ? args.length - 1 : 0];
        System.arraycopy(args, Math.min(1, args.length), settings, 0, settings.length);
        TidigtApplication.disableAxonUpdateChecker();
        // -Dtidigt.bench.database=jdbc:postgresql://…/db keeps the events between runs: written only when the store is empty.
        String database = System.getProperty("tidigt.bench.database");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TidigtApplication.class)
                .run(database == null ? BenchmarkApplication.arguments(settings) : BenchmarkApplication.on(database, settings))) {
            long start = System.nanoTime();
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Long stored = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
            long events;
            if (stored != null && stored > 10_000) {
                events = stored;
                System.out.printf("reusing %,d events in %s%n", events, database);
            } else {
                events = new SyntheticEvents(app.getBean("eventSerializer", Serializer.class), app.getBean(TransactionTemplate.class),
                        jdbc, 12).write(cases);
                double writeSeconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("wrote %,d events of %,d cases in %.1f s (%,.0f events/s)%n", events, cases, writeSeconds,
                        events / writeSeconds);
            }
            Api admin = Api.at(((WebServerApplicationContext) app).getWebServer().getPort(), "admin");
            awaitCaughtUp(admin, false);
            // -Dtidigt.bench.replays=2: replay again in the same JVM, the JIT warm (a server's steady state).
            int replays = Integer.getInteger("tidigt.bench.replays", 1);
            for (int replay = 1; replay <= replays; replay++) {
            System.out.printf("replay %d of %d%n", replay, replays);
            start = System.nanoTime();
            long cpuStart = processCpuNanos();
            long gcStart = gcMillis();
            long jitStart = java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
            java.util.Map<String, Long> threadsStart = threadCpu();
            Api.Response accepted = admin.post("/api/v1/admin/projections/case-statistics/replay", Map.of());
            if (accepted.status() != 202) {
                throw new IllegalStateException(accepted.toString());
            }
            awaitCaughtUp(admin, true);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (processCpuNanos() - cpuStart) / 1e9;
            // The JVM's own CPU time: on a machine shared with other builds, wall time measures the others too.
            System.out.printf("| %,d events | replay %.1f s | %,.0f events/s | JVM CPU %.1f s: %.0f µs an event | load %.1f |%n",
                    events, seconds, events / seconds, cpu, cpu * 1e6 / events,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            // Where the JVM's CPU went: garbage collection and JIT compilation (wall ms of their threads), and the
            // threads that live through the replay, by name without numbers.
            System.out.printf("  GC %d ms, JIT %d ms during the replay%n", gcMillis() - gcStart,
                    java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitStart);
            java.util.Map<String, Long> threadsEnd = threadCpu();
            threadsEnd.entrySet().stream()
                    .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - threadsStart.getOrDefault(e.getKey(), 0L)))
                    .filter(e -> e.getValue() > 200_000_000L)
                    .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> System.out.printf("  thread %s: %.1f s CPU, %.1f µs an event%n", e.getKey(), e.getValue() / 1e9,
                            e.getValue() / 1e3 / events));
            }
        }
        System.exit(0);
    }

    private static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** The last CPU time seen of every thread by id (threads that end during the replay keep their last sample). */
    private static final java.util.Map<Long, java.util.Map.Entry<String, Long>> SEEN = new java.util.concurrent.ConcurrentHashMap<>();

    private static void sampleThreads() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (long id : threads.getAllThreadIds()) {
            java.lang.management.ThreadInfo info = threads.getThreadInfo(id);
            long cpu = threads.getThreadCpuTime(id);
            if (info != null && cpu > 0) {
                SEEN.put(id, java.util.Map.entry(info.getThreadName().replaceAll("\\d+", "N"), cpu));
            }
        }
    }

    /** CPU time of the JVM's Java threads as last sampled, summed by name with digits left out. */
    private static java.util.Map<String, Long> threadCpu() {
        sampleThreads();
        java.util.Map<String, Long> byName = new java.util.HashMap<>();
        SEEN.values().forEach(e -> byName.merge(e.getKey(), e.getValue(), Long::sum));
        return byName;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void awaitCaughtUp(Api admin, boolean print) throws InterruptedException {
        long shown = 0;
        boolean started = false;
        while (true) {
            for (JsonNode projection : admin.get("/api/v1/admin/projections").json()) {
                if (projection.get("name").asText().equals("case-statistics")) {
                    boolean replaying = projection.path("replaying").asBoolean();
                    started |= replaying;
                    if (print && System.nanoTime() - shown > 5_000_000_000L) {
                        shown = System.nanoTime();
                        System.out.printf("  replaying %s, %.1f %%, lag %d%n", replaying,
                                projection.path("replayProgressPercent").asDouble(), projection.path("lag").asLong());
                    }
                    if (projection.get("lag").asLong() == 0 && !replaying && (started || !print)) {
                        return;
                    }
                }
            }
            sampleThreads();
            Thread.sleep(100);
        }
    }
}
