package se.tidigt.platform.cluster;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.UnableToRetrieveIdentifierException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import se.tidigt.gateway.support.TestDatabase;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two instances asking a fresh JDBC token store for its identifier while the first one's transaction
 * is still open (github.com/AxonFramework/AxonFramework/issues/4802, made deterministic): Axon 4.13 alone fails the second;
 * through {@link TokenStoreIdentity}'s lock the second waits and reads the first one's identifier.
 */
class TokenStoreIdentityTest {
    private JdbcTokenStore store;
    private TransactionManager transactions;
    private JdbcTemplate jdbc;

    @BeforeEach
    void freshTokenTable() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(TestDatabase.freshDatabase(),
                System.getenv().getOrDefault("TIDIGT_TEST_DATABASE_USER", "postgres"), "");
        store = JdbcTokenStore.builder().connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .serializer(JacksonSerializer.defaultSerializer()).build();
        store.createSchema(PostgresTokenTableFactory.INSTANCE);
        transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    void axon_alone_fails_an_instance_racing_another_for_the_identifier() throws Exception {
        Transaction first = transactions.startTransaction();
        store.retrieveStorageIdentifier();
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() ->
                transactions.fetchInTransaction(() -> store.retrieveStorageIdentifier().orElseThrow()));
        Thread.sleep(500);
        first.commit();

        assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(UnableToRetrieveIdentifierException.class);
    }

    @Test
    void under_the_lock_the_second_instance_reads_the_first_one_s_identifier() throws Exception {
        Transaction first = transactions.startTransaction();
        jdbc.query("SELECT pg_advisory_xact_lock(?)", rs -> { }, TokenStoreIdentity.LOCK);
        String created = store.retrieveStorageIdentifier().orElseThrow();
        CompletableFuture<String> second = CompletableFuture.supplyAsync(
                () -> new TokenStoreIdentity(store, transactions, jdbc).initialise());
        Thread.sleep(500);
        assertThat(second).as("waits for the first instance's transaction").isNotDone();
        first.commit();

        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(created);
    }
}
