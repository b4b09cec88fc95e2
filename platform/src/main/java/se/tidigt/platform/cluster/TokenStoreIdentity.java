package se.tidigt.platform.cluster;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Creates the token store's identifier row ({@code __config}) once, under a transaction-scoped
 * PostgreSQL advisory lock, before the event processors start. Axon 4.13's {@code JdbcTokenStore}
 * creates it lazily and turns a concurrent creator's primary-key clash into
 * {@code UnableToRetrieveIdentifierException} (github.com/AxonFramework/AxonFramework/issues/4802, fixed after 4.13): several
 * instances asking at once on a fresh token table would all but one fail. Nothing in this application
 * asks at start today, but whatever asks later (a processor's {@code getTokenStoreIdentifier()}) then
 * only reads.
 */
@Component
class TokenStoreIdentity implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(TokenStoreIdentity.class);
    /** pg_advisory_xact_lock's key: the token store's identifier (an arbitrary constant of this application). */
    static final long LOCK = 0x7469646967740001L;

    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    private boolean done;

    TokenStoreIdentity(TokenStore tokenStore, TransactionManager transactions, JdbcTemplate jdbc) {
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /** The identifier, created by whichever instance holds the lock first; the others then read it. */
    String initialise() {
        return transactions.fetchInTransaction(() -> {
            jdbc.query("SELECT pg_advisory_xact_lock(?)", rs -> { }, LOCK);
            return tokenStore.retrieveStorageIdentifier().orElse("");
        });
    }

    @Override
    public void start() {
        log.info("Token store {}", initialise());
        done = true;
    }

    @Override
    public void stop() {
        done = false;
    }

    @Override
    public boolean isRunning() {
        return done;
    }

    /** Before Axon's processors, which start in phase Integer.MAX_VALUE / 2 and later. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE / 2;
    }
}
