package se.tidigt.personaldata;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import se.tidigt.cases.api.ErasureGround;
import se.tidigt.platform.problem.ApiProblem;
import se.tidigt.platform.secrets.DeploymentKeys;

import java.util.Optional;

/** The {@code case_key} table: each case's data key, wrapped with the deployment's key-encryption key. */
@Repository
class CaseKeys {
    private final JdbcTemplate jdbc;
    private final byte[] keyEncryptionKey;

    CaseKeys(JdbcTemplate jdbc, DeploymentKeys keys) {
        this.jdbc = jdbc;
        this.keyEncryptionKey = keys.keyEncryptionKey();
    }

    /** The case's key, made on first use; 409 once the case's personal data is erased. */
    byte[] keyToSeal(String caseId) {
        jdbc.update("INSERT INTO case_key (case_id, wrapped_key) VALUES (?, ?) ON CONFLICT DO NOTHING",
                caseId, Aead.seal(keyEncryptionKey, Aead.newKey(), associatedData(caseId)));
        return keyToOpen(caseId).orElseThrow(() -> ApiProblem.conflict("personal-data-erased",
                "This case's personal details were erased; no new free text can be recorded on it."));
    }

    /** The case's key, or empty if it never had one or it was destroyed. */
    Optional<byte[]> keyToOpen(String caseId) {
        return jdbc.query("SELECT wrapped_key FROM case_key WHERE case_id = ? AND wrapped_key IS NOT NULL",
                (rs, row) -> rs.getBytes(1), caseId).stream().findFirst()
                .map(wrapped -> Aead.open(keyEncryptionKey, wrapped, associatedData(caseId)));
    }

    boolean isErased(String caseId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM case_key WHERE case_id = ? "
                + "AND erased_at IS NOT NULL)", Boolean.class, caseId));
    }

    /** Destroys the key (the row stays, as the record of the erasure). */
    void destroy(String caseId, ErasureGround ground) {
        jdbc.update("INSERT INTO case_key (case_id, wrapped_key, erased_at, erasure_ground) VALUES (?, NULL, now(), ?) "
                + "ON CONFLICT (case_id) DO UPDATE SET wrapped_key = NULL, "
                + "erased_at = coalesce(case_key.erased_at, now()), erasure_ground = coalesce(case_key.erasure_ground, "
                + "excluded.erasure_ground)", caseId, ground.name());
    }

    private static String associatedData(String caseId) {
        return "tidigt:case-key:" + caseId;
    }
}
