package se.tidigt.gateway.stats;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import se.tidigt.platform.actor.Actor;
import se.tidigt.platform.actor.ActorPrincipal;
import se.tidigt.platform.actor.Role;
import se.tidigt.platform.replays.ProjectionAdmin;
import se.tidigt.query.stats.PreparedAnswers;
import se.tidigt.rollout.api.District;
import se.tidigt.rollout.api.DistrictCatalogue;
import se.tidigt.query.stats.Stats;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The city view's first look after a start is served from the answers kept: before the application
 * reports ready, the statistics the page asks for with its default filters (every work model and
 * district, from January 2019 to last month) are computed once, as a city analyst would read them, so
 * the facts are loaded and their cell summaries built before anyone asks; so are the city's and each district's
 * figures as asked without parameters (a district's users read their own). Then the rollout effect as the
 * page asks for it and as asked without parameters: its bootstrap takes seconds at city scale, and the first
 * readers after a start would all wait for it, so readiness waits for it too, but at most
 * {@code tidigt.dashboard.effects-before-ready} (3 s: a start over ten years of a city must stay under 15 s);
 * a bootstrap that takes longer goes on in the background. These are no reader's reads
 * ({@link PreparedAnswers#notAReader}): once a reader asks for one, it is prepared again whenever the facts
 * move. Nobody reads through it, so nothing is access-logged. {@code tidigt.dashboard.warm-up=false} turns it off.
 * A start whose statistics are far enough behind to be caught up in bulk ({@link ProjectionAdmin#catchingUpInBulk})
 * skips it: the facts move with every page of the catch-up, so its answers would be of a state left behind within
 * seconds, and it would take a core from the catch-up.
 */
@Component
class DashboardWarmUp implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DashboardWarmUp.class);
    /** The page's first month: the demo city's and the platform's history begins in 2019. */
    static final YearMonth FIRST = YearMonth.of(2019, 1);

    private static final Actor ANALYST = new Actor("dashboard-warm-up", Role.CITY_ANALYST, null);

    private final StatsController stats;
    private final ProjectionAdmin projections;
    private final DistrictCatalogue districts;
    private final Clock clock;
    private final boolean enabled;
    private final Duration effectsBeforeReady;

    DashboardWarmUp(StatsController stats, ProjectionAdmin projections, DistrictCatalogue districts, Clock clock,
                    @Value("${tidigt.dashboard.warm-up:true}") boolean enabled,
                    @Value("${tidigt.dashboard.effects-before-ready:3s}") Duration effectsBeforeReady) {
        this.stats = stats;
        this.projections = projections;
        this.districts = districts;
        this.clock = clock;
        this.enabled = enabled;
        this.effectsBeforeReady = effectsBeforeReady;
    }

    /** Runs before the application reports ready: the figures, then the effects for at most {@link #effectsBeforeReady}. */
    @Override
    public void run(ApplicationArguments arguments) throws InterruptedException {
        if (!enabled) {
            return;
        }
        if (projections.catchingUpInBulk()) {
            // Figures of facts that move every page of the catch-up would be stale within seconds, and computing
            // them takes a core from the catch-up itself: the first readers compute them, as after any move.
            log.info("Dashboard: not warmed at start: the statistics are being caught up in bulk");
            return;
        }
        read("the city view's figures", figures(lastMonth()));
        read("the views asked for without parameters", defaultViews());
        Thread effects = new Thread(() -> read("the rollout effect", effects()), "dashboard-warm-up");
        effects.setDaemon(true);
        effects.start();
        effects.join(Math.max(1, effectsBeforeReady.toMillis()));
        if (effects.isAlive()) {
            log.info("Dashboard: the rollout effect not computed within {} ms; ready, it goes on in the background",
                    effectsBeforeReady.toMillis());
        }
    }

    private YearMonth lastMonth() {
        return YearMonth.now(clock.withZone(Stats.ZONE)).minusMonths(1);
    }

    /** One read of the warm-up and whom it is read as (the controller checks the reader as for a request). */
    private record Read(Actor as, Runnable read) {
        static Read asAnalyst(Runnable read) {
            return new Read(ANALYST, read);
        }
    }

    private void read(String what, List<Read> reads) {
        long started = System.nanoTime();
        try {
            PreparedAnswers.notAReader(() -> reads.forEach(DashboardWarmUp::runAs));
            log.info("Dashboard: {} computed in {} ms", what, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Dashboard: warming {} failed; the first visitor computes it", what, e);
        }
    }

    private static void runAs(Read read) {
        ActorPrincipal reader = new ActorPrincipal(read.as(), null);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(reader, null, reader.getAuthorities()));
        try {
            read.read().run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * The city's figures and each district's own as asked with no parameters (a district's users read theirs
     * exactly, which is another answer than an analyst's of the same district): what an integration or a
     * district's first look asks for first.
     */
    private List<Read> defaultViews() {
        List<Read> reads = new ArrayList<>();
        reads.add(Read.asAnalyst(() -> stats.city(null, null, "district", "current", null, null, null)));
        for (District district : districts.validOn(LocalDate.now(clock.withZone(Stats.ZONE)))) {
            reads.add(new Read(new Actor(ANALYST.userId(), Role.DISTRICT_ADMIN, district.code()),
                    () -> stats.district(district.code(), null, null, null, null, null)));
        }
        return reads;
    }

    /** The rollout effect as app.js asks for it, and as asked without parameters. */
    private List<Read> effects() {
        return List.of(
                Read.asAnalyst(() -> stats.rolloutEffect("VALLINGBY_TEAM", "acceptanceRate", null, null, null, "0", 2026, 499, null)),
                Read.asAnalyst(() -> stats.rolloutEffect("VALLINGBY_TEAM", "acceptanceRate", null, null, null, "0", 2026, 999, null)));
    }

    /** The figures app.js reads for the city view with its default filters, in the same order. */
    private List<Read> figures(YearMonth last) {
        String from = FIRST.toString();
        String to = last.toString();
        List<Read> reads = new ArrayList<>();
        reads.add(Read.asAnalyst(() -> stats.city(from, to, "workModel", "current", null, null, null)));
        reads.add(Read.asAnalyst(() -> stats.city(last.minusMonths(11).toString(), to, "workModel", "current", null, null, null)));
        reads.add(Read.asAnalyst(() -> stats.city(from, to, "district", "current", null, null, null)));
        for (String model : List.of("ORDINARY", "VALLINGBY_TEAM")) {
            reads.add(Read.asAnalyst(() -> stats.city(from, to, "month", "current", model, null, null)));
        }
        for (int year = FIRST.getYear(); year <= last.getYear(); year++) {
            String yearFrom = year == FIRST.getYear() ? from : year + "-01";
            String yearTo = year == last.getYear() ? to : year + "-12";
            reads.add(Read.asAnalyst(() -> stats.city(yearFrom, yearTo, "district", "current", null, null, null)));
        }
        return reads;
    }
}
