package se.tidigt.audit.accesslog;

import java.util.List;

/** An answer that names the cases it shows, so that {@link ReadLogging} logs exactly those. */
public interface ShowsCases {
    List<String> caseIds();
}
