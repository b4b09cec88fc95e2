package se.tidigt.query.stats;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The summaries of every cell at one projection position: built in one pass over the facts snapshot and
 * shared by every query at that position. A cell is district (as it was) × concern month × work model ×
 * the exact set of concerns: the concern filter is "any of", so only the exact set decides whether all of a
 * cell's cases are selected or none. A cell keeps its cases too, for the months a day range covers only
 * in part (each case goes through the same {@link CaseContribution}).
 */
final class CellSummaries {
    record Cell(String district, YearMonth month, String workModel, Set<String> concerns) {
        /** The cell a case counts in. */
        static Cell of(CaseFact c) {
            return new Cell(c.district(), c.concernMonth(), c.workModel(), Set.copyOf(c.concerns()));
        }

        /** The same cell merged over its concern sets (concerns null). */
        Cell anyConcern() {
            return new Cell(district, month, workModel, null);
        }

    }

    /** A cell's summary and its cases, in the facts' order. */
    record Kept(CellSummary summary, List<CaseFact> cases) {
        void take(CaseFact c, CellSummary contribution) {
            summary.subtract(contribution);
            cases.removeIf(kept -> kept.caseId().equals(c.caseId()));
        }

        void put(CaseFact c, CellSummary contribution) {
            summary.add(contribution);
            cases.add(c);
        }

        boolean isEmpty() {
            return cases.isEmpty();
        }
    }

    private final List<CaseFact> all;
    private final ChildHistories children;
    private final RecordKeys keys;
    private final Map<Cell, Kept> cells = new LinkedHashMap<>();
    /**
     * The same merged over concern sets (concerns null): most queries filter no concern, and there are
     * some thirty times fewer of these (BENCHMARKS.md, "Statistics from cell summaries").
     */
    private final Map<Cell, Kept> anyConcern = new LinkedHashMap<>();

    private CellSummaries(List<CaseFact> all, RecordKeys keys) {
        this(all, new ChildHistories(all), keys);
    }

    private CellSummaries(List<CaseFact> all, ChildHistories children, RecordKeys keys) {
        this.all = all;
        this.children = children;
        this.keys = keys;
    }

    /** One pass over the facts. {@code keys}: the record keys of the cell-key method (exact readers ignore them). */
    static CellSummaries of(List<CaseFact> all, RecordKeys keys) {
        CellSummaries summaries = new CellSummaries(all, keys);
        for (CaseFact c : all) {
            Kept kept = summaries.cells.computeIfAbsent(Cell.of(c), cell -> new Kept(new CellSummary(), new ArrayList<>()));
            CaseContribution.addTo(kept.summary(), c, summaries.children, keys);
            kept.cases().add(c);
        }
        summaries.cells.forEach((cell, kept) -> {
            Kept merged = summaries.anyConcern.computeIfAbsent(cell.anyConcern(),
                    any -> new Kept(new CellSummary(), new ArrayList<>()));
            merged.summary().add(kept.summary());
            merged.cases().addAll(kept.cases());
        });
        return summaries;
    }

    /**
     * The summaries of the facts {@code now}, brought forward from these (which stay as they are, for
     * whoever still reads them): only the cases of the {@code changed} children are taken out, with what
     * they contributed, and put back as they are now. A case's contribution depends on its child's other
     * cases (re-referral, late support) and on nothing else that changes, so this gives the very
     * summaries {@link #of} would build from {@code now} ({@code IncrementalCellSummariesTest}). Contributions
     * are computed for the changed children's cases only; finding their cases now is one pass over the list
     * (a set lookup a case), and the cell maps are copied by reference, the touched cells by value.
     */
    CellSummaries forward(List<CaseFact> now, Set<String> changed) {
        Map<String, List<CaseFact>> casesNow = new HashMap<>();
        changed.forEach(child -> casesNow.put(child, new ArrayList<>()));
        for (CaseFact c : now) {
            List<CaseFact> ofChild = casesNow.get(c.child());
            if (ofChild != null) {
                ofChild.add(c);
            }
        }
        CellSummaries next = new CellSummaries(now, children.withChildren(casesNow), keys);
        next.cells.putAll(cells);
        next.anyConcern.putAll(anyConcern);
        // Cells split by concern set and cells merged over them never share a key (concerns null or not).
        Map<Cell, Kept> copied = new HashMap<>();
        for (String child : changed) {
            for (CaseFact old : children.casesOf(child)) {
                CellSummary was = CaseContribution.of(old, children, keys);
                Cell cell = Cell.of(old);
                next.editable(next.cells, cell, copied).take(old, was);
                next.editable(next.anyConcern, cell.anyConcern(), copied).take(old, was);
            }
        }
        // Every old case out before any is put back: a case erased to a new child is taken out by its old
        // child and put back by its new one, and taking out goes by case id.
        for (String child : changed) {
            for (CaseFact c : casesNow.get(child)) {
                CellSummary is = CaseContribution.of(c, next.children, keys);
                Cell cell = Cell.of(c);
                next.editable(next.cells, cell, copied).put(c, is);
                next.editable(next.anyConcern, cell.anyConcern(), copied).put(c, is);
            }
        }
        copied.forEach((cell, kept) -> {
            if (kept.isEmpty()) {
                (cell.concerns() == null ? next.anyConcern : next.cells).remove(cell);
            }
        });
        return next;
    }

    /** A cell of {@code in} that this instance may change: a copy of the one shared with the summaries before. */
    private Kept editable(Map<Cell, Kept> in, Cell cell, Map<Cell, Kept> copied) {
        return copied.computeIfAbsent(cell, c -> {
            Kept shared = in.get(c);
            Kept own = shared == null ? new Kept(new CellSummary(), new ArrayList<>())
                    : new Kept(new CellSummary().add(shared.summary()), new ArrayList<>(shared.cases()));
            in.put(c, own);
            return own;
        });
    }

    /** Every cell, split by concern set. */
    Map<Cell, Kept> cells() {
        return cells;
    }

    /** Every cell merged over its concern sets (concerns null): for the queries that filter no concern. */
    Map<Cell, Kept> anyConcern() {
        return anyConcern;
    }

    /** What a case adds, for a month a query covers in part. */
    CellSummary contribution(CaseFact c) {
        return CaseContribution.of(c, children, keys);
    }

    List<CaseFact> all() {
        return all;
    }
}
