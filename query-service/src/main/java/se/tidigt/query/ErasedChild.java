package se.tidigt.query;

/**
 * After an erasure a case keeps a child of its own: a stand-in pseudonym made from the case id, so
 * the case still counts as one child's case but is no longer linked to that child's other cases.
 */
public final class ErasedChild {
    private ErasedChild() {
    }

    public static String pseudonymFor(String caseId) {
        return "erased:" + caseId;
    }
}
