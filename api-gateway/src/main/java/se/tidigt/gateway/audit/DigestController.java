package se.tidigt.gateway.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.tidigt.audit.accesslog.AccessLog;
import se.tidigt.audit.chain.DailyDigests;

import se.tidigt.platform.secrets.AuditKeys;

import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

/** The daily digests the city publishes: one hash over every case's chain head at the end of a day. */
@RestController
@RequestMapping(path = "/api/v1/audit/digests", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit")
class DigestController {
    private final DailyDigests digests;
    private final AccessLog accessLog;
    private final AuditKeys keys;

    DigestController(DailyDigests digests, AccessLog accessLog, AuditKeys keys) {
        this.digests = digests;
        this.accessLog = accessLog;
        this.keys = keys;
    }

    /** The key that verifies every digest's and checkpoint's signature. */
    record PublicKeyAnswer(String algorithm, String publicKey, String pem) {
    }

    @Operation(summary = "The Ed25519 public key that verifies the signature of every digest and checkpoint: "
            + "publicKey is the X.509 SubjectPublicKeyInfo in Base64 (give it to VerifyExport as --public-key=), "
            + "pem the same as a PEM block (for openssl pkeyutl -verify -rawin).")
    @GetMapping("/public-key")
    PublicKeyAnswer publicKey() {
        String encoded = Base64.getEncoder().encodeToString(keys.publicKey().getEncoded());
        accessLog.record(List.of());
        return new PublicKeyAnswer("Ed25519", encoded, "-----BEGIN PUBLIC KEY-----\n" + encoded
                + "\n-----END PUBLIC KEY-----\n");
    }

    @Operation(summary = "The digest of a Europe/Stockholm day (YYYY-MM-DD): computed from every case's chain head "
            + "and the access log's head at the day's end, the first time it is asked for (or by the nightly schedule), "
            + "signed with the deployment's Ed25519 key, written to the checkpoint directory and stored for good. "
            + "400 for a malformed date, a day not yet ended or a day before the event store existed.")
    @GetMapping("/{date}")
    DailyDigests.Digest digest(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        DailyDigests.Digest digest = digests.get(date);
        accessLog.record(List.of());
        return digest;
    }

    @Operation(summary = "Recomputes the day's digest from the events and the access log as stored now and compares "
            + "it with the signed copy outside the database and with the stored row: intact=false, with the reason, "
            + "when history before that day's end was rewritten, the stored row rewritten or removed, or the signed "
            + "copy altered. 404 when no digest of that day was ever computed; 400 for a malformed date or a day not "
            + "yet ended.")
    @GetMapping("/{date}/verify")
    DailyDigests.DigestVerification verify(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        DailyDigests.DigestVerification verification = digests.verify(date);
        accessLog.record(List.of());
        return verification;
    }
}
