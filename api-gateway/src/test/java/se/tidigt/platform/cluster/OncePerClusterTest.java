package se.tidigt.platform.cluster;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import se.tidigt.gateway.support.TestDatabase;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Work done once among instances sharing a database (the demo data): a second instance skips it meanwhile. */
class OncePerClusterTest {
    private final DriverManagerDataSource database = new DriverManagerDataSource(TestDatabase.freshDatabase(),
            System.getenv().getOrDefault("TIDIGT_TEST_DATABASE_USER", "postgres"), "");

    @Test
    void a_second_instance_skips_the_work_while_the_first_runs_it_and_may_run_it_after() throws Exception {
        OncePerCluster first = new OncePerCluster(database);
        OncePerCluster second = new OncePerCluster(database);
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Boolean> firstRun = CompletableFuture.supplyAsync(() -> first.tryRun("demo-data", () -> {
            runs.incrementAndGet();
            running.countDown();
            await(finish);
        }));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(second.tryRun("demo-data", runs::incrementAndGet)).as("taken by the first").isFalse();
        assertThat(second.tryRun("other-work", () -> { })).as("another name is another lock").isTrue();
        finish.countDown();
        assertThat(firstRun.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(runs).hasValue(1);
        assertThat(second.tryRun("demo-data", runs::incrementAndGet)).as("released when the first ended").isTrue();
        assertThat(runs).hasValue(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
