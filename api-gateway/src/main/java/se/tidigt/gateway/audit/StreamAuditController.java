package se.tidigt.gateway.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.tidigt.audit.accesslog.AccessLog;
import se.tidigt.audit.chain.StreamChains;

import java.util.List;

/** Every aggregate's stream is verifiable, not only a case's: rollouts, work models, plans, tallies. */
@RestController
@RequestMapping(path = "/api/v1/audit/streams/{aggregateId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit")
class StreamAuditController {
    private final StreamChains streams;
    private final AccessLog accessLog;

    StreamAuditController(StreamChains streams, AccessLog accessLog) {
        this.streams = streams;
        this.accessLog = accessLog;
    }

    @Operation(summary = "Recomputes any aggregate's stream (a case, a district's rollout such as `farsta`, a work "
            + "model, a plan, an open-access tally) from what the database holds: {aggregateId, aggregateType, intact, "
            + "events, firstBrokenSequence, reason, head}, as the case verify answers. 404 for an unknown aggregate.")
    @GetMapping("/verify")
    StreamChains.Verification verify(@PathVariable String aggregateId) {
        StreamChains.Verification verification = streams.verify(aggregateId);
        // A case's stream is case data: the read is logged against the case, as the case verify is.
        accessLog.record("Case".equals(verification.aggregateType()) ? List.of(aggregateId) : List.of());
        return verification;
    }
}
