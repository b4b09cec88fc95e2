package se.tidigt.query.caseload;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * A district's caseload, month by month (each month as it stood at its end, or now for the running
 * month), and each worker's open cases now. Every ratio carries the cases it counts ({@code n}) and
 * what they are divided by ({@code per}).
 */
public record CaseloadReport(String district, YearMonth from, YearMonth to, List<Month> months, List<WorkerLoad> workersNow,
                             long unassignedNow) {

    /**
     * One month: the open cases and the workers assigned to them; the work model in force, its open
     * cases and the filled full-time posts the district's staffing records give for that month.
     */
    public record Month(YearMonth month, long openCases, long workers, Figure openCasesPerWorker, String workModelInForce,
                        long openCasesOfModel, BigDecimal filledFte, Figure openCasesPerFilledFte) {
    }

    /** {@code value} = {@code n} ÷ {@code per}, one decimal; null when there is nothing to divide by. */
    public record Figure(BigDecimal value, long n, BigDecimal per) {
    }

    /** One worker's open cases now (the worker by the pseudonymous staff id the district records). */
    public record WorkerLoad(String workerId, long openCases) {
    }
}
