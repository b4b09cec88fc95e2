package se.tidigt.query.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import se.tidigt.query.stats.protection.CellKeyMethod;
import se.tidigt.query.stats.protection.KeyedRecordKeys;
import se.tidigt.query.stats.protection.PerturbationTable;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Not a test: the cold answer of the dashboard's statistics queries at city scale, fact by fact against
 * from cell summaries, in one JVM without a database (a {@link SyntheticCity}), interleaved, with the
 * calling thread's CPU time besides wall-clock (the machine is shared). Arguments: cases (125000), rounds (3).
 * Run: see BENCHMARKS.md, "Statistics from cell summaries".
 */
public final class CellSummariesBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    record Asked(String name, StatsQuery query, boolean protect) {
    }

    static final List<Asked> QUERIES = List.of(
            new Asked("city by district, protected", new StatsQuery(null, null, null, null, null, false, StatsQuery.Grouping.DISTRICT), true),
            new Asked("city by month 2024, protected", new StatsQuery(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31"),
                    null, null, null, false, StatsQuery.Grouping.MONTH), true),
            new Asked("city by work model, two concerns, protected", new StatsQuery(null, null, null, null,
                    Set.of("CRIME_RISK", "SUBSTANCE_USE_RISK"), false, StatsQuery.Grouping.WORK_MODEL), true),
            new Asked("farsta 2024-03..08, protected", new StatsQuery(LocalDate.parse("2024-03-01"), LocalDate.parse("2024-08-31"),
                    Set.of("farsta"), null, null, false, StatsQuery.Grouping.DISTRICT), true),
            new Asked("farsta 2024-03-05..08-20, exact", new StatsQuery(LocalDate.parse("2024-03-05"), LocalDate.parse("2024-08-20"),
                    Set.of("farsta"), null, null, false, StatsQuery.Grouping.DISTRICT), false),
            new Asked("city, exact, no grouping", new StatsQuery(null, null, null, null, null, false, StatsQuery.Grouping.NONE), false));

    public static void main(String[] args) {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 125_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<CaseFact> all = SyntheticCity.of(2026, cases).facts();
        CellKeyMethod cellKey = new CellKeyMethod(new KeyedRecordKeys("benchmark-deployment-secret"), new PerturbationTable(5, 2));
        LocalDate today = LocalDate.parse("2026-11-25");
        FactByFactStatistics factByFact = new FactByFactStatistics(SyntheticFacts.STOCKHOLM, cellKey);
        SummaryStatistics fromSummaries = new SummaryStatistics(SyntheticFacts.STOCKHOLM, cellKey);
        System.out.printf("%,d cases; load average %s%n", all.size(), loadAverage());
        for (int round = 1; round <= rounds; round++) {
            // Summaries: built once per position (one pass), then every query reads them.
            CellSummaries[] built = new CellSummaries[1];
            measure("round " + round + " summaries: build (once a position)", () -> built[0] = CellSummaries.of(all, cellKey.keys()));
            System.out.printf("  cells: %,d%n", built[0].cells().size());
            for (Asked asked : QUERIES) {
                List<ObjectNode> summary = measure("round " + round + " summaries:    " + asked.name(),
                        () -> fromSummaries.build(built[0], List.of(), asked.query(), asked.protect(), today));
                List<ObjectNode> reference = measure("round " + round + " fact by fact: " + asked.name(),
                        () -> factByFact.build(all, List.of(), asked.query(), asked.protect(), today));
                if (!summary.toString().equals(reference.toString())) {
                    throw new IllegalStateException("answers differ: " + asked.name());
                }
            }
        }
    }

    private static <T> T measure(String what, Supplier<T> work) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        T result = work.get();
        System.out.printf("%-75s %,9.1f ms wall %,9.1f ms CPU%n", what, (System.nanoTime() - start) / 1e6,
                (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6);
        return result;
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
