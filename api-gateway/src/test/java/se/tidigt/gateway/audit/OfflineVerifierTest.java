package se.tidigt.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tidigt.audit.verifier.VerifyExport;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.tidigt.gateway.audit.AuditCases.fiveEvents;
import static se.tidigt.gateway.audit.AuditCases.raise;
import static se.tidigt.gateway.audit.AuditCases.recordedAt;
import static se.tidigt.gateway.audit.AuditCases.write;

/**
 * An outside party checks an export against a published digest with the verifier's one source file
 * and a JDK: run as a separate process, without the application's classes, database or libraries.
 */
class OfflineVerifierTest extends ApiTest {
    @org.springframework.beans.factory.annotation.Autowired
    se.tidigt.platform.secrets.AuditKeys keys;

    private static final Path VERIFIER = Path.of("../audit-verifier/src/main/java/se/tidigt/audit/verifier/VerifyExport.java");
    private static final String DAY = "2025-02-10";

    record Run(int exit, String output) {
    }

    private static Run verify(Path export, String... digest) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, VERIFIER.toString(), export.toString()));
        command.addAll(List.of(digest));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    @Test
    void the_verifier_accepts_a_true_export_against_the_published_digest_and_rejects_tampered_files(@TempDir Path dir)
            throws Exception {
        Instant recorded = Instant.parse(DAY + "T10:00:00Z");
        Instant received = recorded.minusSeconds(3 * 86_400);
        String caseId = recordedAt(recorded, () -> {
            raise(as("bromma-admin"), "bromma", received);
            raise(as("farsta-admin"), "farsta", received);
            return fiveEvents(as("farsta-admin"), "farsta", received);
        });
        // Recorded after the digest day: in the export, beyond the proven head.
        recordedAt(recorded.plusSeconds(3 * 86_400), () -> {
            write(as("farsta-admin"), caseId, "workers", Map.of("workerId", "w-2", "function", "INTERVENTION",
                    "assignedAt", recorded.toString()));
            return null;
        });
        Api auditor = as("auditor");
        String published = auditor.get("/api/v1/audit/digests/" + DAY).json().get("digest").asText();
        Api.Response answer = auditor.get("/api/v1/audit/cases/" + caseId + "/export?digestDate=" + DAY);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.header("Content-Disposition")).contains("case-" + caseId + "-export.json");
        ObjectNode export = (ObjectNode) answer.json();
        assertThat(export.get("events")).hasSize(6);
        assertThat(export.at("/digestProof/headSequence").asInt()).isEqualTo(4);
        assertThat(export.at("/digestProof/format").asInt()).isEqualTo(2);
        assertThat(export.at("/digestProof/streams").asInt()).isGreaterThanOrEqualTo(3);
        Path file = dir.resolve("export.json");
        Files.writeString(file, answer.body());

        Run good = verify(file, published);
        assertThat(good.exit()).as(good.output()).isZero();
        assertThat(good.output()).contains("6 events, chain intact").contains(published).endsWith("VERIFIED\n");

        // With the published public key the digest's signature is checked; with the seal key every event's seal.
        String publicKey = auditor.get("/api/v1/audit/digests/public-key").json().get("publicKey").asText();
        String sealKey = Base64.getEncoder().encodeToString(keys.sealKey());
        Run signed = verify(file, published, "--public-key=" + publicKey, "--mac-key=" + sealKey);
        assertThat(signed.exit()).as(signed.output()).isZero();
        assertThat(signed.output()).contains("signature of the digest of " + DAY + ": valid")
                .contains("carries the application's seal").endsWith("VERIFIED\n");
        java.security.PublicKey otherKey = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        assertThat(VerifyExport.check(VerifyExport.read(answer.body()), published,
                new VerifyExport.Keys(otherKey, new byte[32]), new PrintStream(OutputStream.nullOutputStream())))
                .anySatisfy(p -> assertThat(p).contains("signature does not verify"))
                .anySatisfy(p -> assertThat(p).contains("seal broken at sequence 0"));

        ObjectNode alteredBytes = export.deepCopy();
        ObjectNode event = (ObjectNode) alteredBytes.get("events").get(1);
        String payload = new String(Base64.getDecoder().decode(event.get("payloadBase64").asText()), StandardCharsets.UTF_8);
        event.put("payloadBase64", Base64.getEncoder().encodeToString(
                payload.replace("\"immediateProtectionNeeded\":false", "\"immediateProtectionNeeded\":true")
                        .getBytes(StandardCharsets.UTF_8)));
        Run forgedBytes = verify(writeFile(dir, "bytes.json", alteredBytes), published);
        assertThat(forgedBytes.exit()).as(forgedBytes.output()).isEqualTo(1);
        assertThat(forgedBytes.output()).contains("chain broken at sequence 1").endsWith("REJECTED\n");

        // The same checks in process (the launches above prove the file runs alone; these cover the rest).
        String otherDigest = published.replace(published.charAt(0), published.charAt(0) == 'a' ? 'b' : 'a');
        assertThat(check(export, otherDigest)).containsExactly(
                "the recomputed digest differs from the published digest " + otherDigest);
        ObjectNode alteredCopy = export.deepCopy();
        ((ObjectNode) alteredCopy.get("events").get(1).get("payload")).put("immediateProtectionNeeded", true);
        assertThat(check(alteredCopy, published)).containsExactly("the readable copy of event 1 differs from its hashed bytes");
        ObjectNode otherProof = export.deepCopy();
        ((ObjectNode) otherProof.at("/digestProof/path/0")).put("hash", "00".repeat(32));
        assertThat(check(otherProof, published)).hasSize(2);
        assertThatThrownBy(() -> VerifyExport.read("{\"events\": [")).isInstanceOf(RuntimeException.class);
    }

    private static List<String> check(JsonNode export, String published) throws IOException {
        return VerifyExport.check(VerifyExport.read(Api.JSON.writeValueAsString(export)), published,
                new PrintStream(OutputStream.nullOutputStream()));
    }

    @Test
    void an_export_of_a_case_younger_than_the_digest_day_says_that_no_digest_covers_it_yet() {
        String caseId = raise(hv(), "hasselby-vallingby", Instant.now().minusSeconds(3600));
        JsonNode export = as("auditor").get("/api/v1/audit/cases/" + caseId + "/export").json();
        assertThat(export.has("digestProof")).isFalse();
        assertThat(export.get("digestNote").asText()).contains("does not cover it");
        assertThat(export.get("events")).hasSize(1);
    }

    private static Path writeFile(Path dir, String name, JsonNode json) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        return file;
    }
}
