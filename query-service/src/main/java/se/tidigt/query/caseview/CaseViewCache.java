package se.tidigt.query.caseview;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The case views this instance wrote last, so that the next event of a case is folded into the view
 * in memory instead of reading and parsing its whole JSONB document again. Never trusted
 * blindly: the projection writes a view taken from here only where the table still holds the version
 * it was built on ({@link CaseViewRepository#update(CaseView, long)}), and reads the table otherwise
 * (another instance's write, a rebuild).
 *
 * <p>A view is owned by one transaction at a time: taking it removes it, and it comes back only when
 * the transaction that wrote it commits, so a rolled-back write never leaves a view the table does
 * not hold. Within a transaction (several events of one case in one unit of work) the view stays with
 * the transaction. Bounded: the least recently written views are dropped first.
 */
final class CaseViewCache {
    private final Object transactionKey = new Object();
    private final Map<String, CaseView> committed;
    private final int maxViews;

    CaseViewCache(int maxViews) {
        this.maxViews = maxViews;
        this.committed = bounded(maxViews);
    }

    private static Map<String, CaseView> bounded(int maxViews) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CaseView> eldest) {
                return size() > maxViews;
            }
        };
    }

    /** The view of the case as this instance last wrote it, now owned by the caller; null if none. */
    CaseView take(String caseId) {
        if (maxViews <= 0 || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        CaseView own = ownViews().remove(caseId);
        if (own != null) {
            return own;
        }
        synchronized (committed) {
            return committed.remove(caseId);
        }
    }

    /** The view as just written in this transaction: kept for the transaction, and for others once it commits. */
    void written(CaseView view) {
        if (maxViews > 0 && TransactionSynchronizationManager.isSynchronizationActive()) {
            ownViews().put(view.caseId(), view);
        }
    }

    void clear() {
        synchronized (committed) {
            committed.clear();
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            ownViews().clear();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, CaseView> ownViews() {
        Map<String, CaseView> own = (Map<String, CaseView>) TransactionSynchronizationManager.getResource(transactionKey);
        if (own == null) {
            // Bounded too: a rebuild runs a million events through one transaction.
            Map<String, CaseView> views = bounded(maxViews);
            TransactionSynchronizationManager.bindResource(transactionKey, views);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(transactionKey);
                    if (status == STATUS_COMMITTED) {
                        keep(views);
                    }
                }
            });
            own = views;
        }
        return own;
    }

    private void keep(Map<String, CaseView> views) {
        synchronized (committed) {
            views.values().forEach(view -> committed.merge(view.caseId(), view,
                    (cached, written) -> cached.version() >= written.version() ? cached : written));
        }
    }
}
