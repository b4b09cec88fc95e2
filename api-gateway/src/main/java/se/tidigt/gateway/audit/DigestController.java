package se.tidigt.gateway.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.tidigt.gateway.audit.accesslog.AccessLog;
import se.tidigt.gateway.audit.chain.DailyDigests;

import java.time.LocalDate;
import java.util.List;

/** The daily digests the city publishes: one hash over every case's chain head at the end of a day. */
@RestController
@RequestMapping(path = "/api/v1/audit/digests/{date}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit")
class DigestController {
    private final DailyDigests digests;
    private final AccessLog accessLog;

    DigestController(DailyDigests digests, AccessLog accessLog) {
        this.digests = digests;
        this.accessLog = accessLog;
    }

    @Operation(summary = "The digest of a Europe/Stockholm day (YYYY-MM-DD): computed from every case's chain head "
            + "at the day's end the first time it is asked for (or by the nightly schedule) and stored for good. "
            + "400 for a malformed date or a day not yet ended.")
    @GetMapping
    DailyDigests.Digest digest(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        DailyDigests.Digest digest = digests.get(date);
        accessLog.record(List.of());
        return digest;
    }

    @Operation(summary = "Recomputes the day's digest from the events as stored now and compares it with the stored "
            + "one: intact=false when history before that day's end was rewritten. 404 when no digest of that day "
            + "was ever computed; 400 for a malformed date or a day not yet ended.")
    @GetMapping("/verify")
    DailyDigests.DigestVerification verify(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        DailyDigests.DigestVerification verification = digests.verify(date);
        accessLog.record(List.of());
        return verification;
    }
}
