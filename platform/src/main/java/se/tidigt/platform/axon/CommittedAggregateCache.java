package se.tidigt.platform.axon;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The aggregate cache (a case is no longer loaded from its events on every command), holding
 * only what the database committed. Axon's caching repository puts an aggregate in its cache when its
 * unit of work commits, and evicts it when that unit of work rolls back; but here the unit of work is
 * nested in the write's Spring transaction (idempotency record, case view), which can still roll back
 * or fail to commit afterwards. An aggregate cached then would carry events the store does not have,
 * and the next command would append after them, leaving a hole instead of a conflict.
 *
 * <p>So within a transaction a put removes the entry at once (anyone else loads from the store and
 * meets the unique key on (aggregateIdentifier, sequenceNumber) if it races this write) and caches the
 * aggregate after the commit only, unless someone has cached a newer one meanwhile. What the cache
 * cannot see, an append by another instance, is caught by that same unique key (or by the If-Match
 * check): Axon's rollback evicts the stale entry and {@link CommandWrites#retryingLostRace} decides the request once
 * more on the stored stream, so the client never sees a conflict only the cache caused.
 */
final class CommittedAggregateCache implements Cache {
    private final Cache cache;

    CommittedAggregateCache(Cache cache) {
        this.cache = cache;
    }

    @Override
    public <K, V> V get(K key) {
        return cache.get(key);
    }

    @Override
    public void put(Object key, Object value) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            cache.put(key, value);
            return;
        }
        cache.remove(key);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    cache.putIfAbsent(key, value);
                } else {
                    cache.remove(key);
                }
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            put(key, value);
            return true;
        }
        return cache.putIfAbsent(key, value);
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        T cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        T value = valueSupplier.get();
        putIfAbsent(key, value);
        return value;
    }

    @Override
    public boolean remove(Object key) {
        return cache.remove(key);
    }

    @Override
    public void removeAll() {
        cache.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return cache.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return cache.registerCacheEntryListener(cacheEntryListener);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        // Only Axon's own bookkeeping calls this; an in-place update is no put of a new aggregate state.
        cache.computeIfPresent(key, update);
    }
}
