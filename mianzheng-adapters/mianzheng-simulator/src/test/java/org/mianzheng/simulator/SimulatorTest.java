package org.mianzheng.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.FileType;
import org.mianzheng.api.HolderId;
import org.mianzheng.api.HolderKind;
import org.mianzheng.api.LicenseIdentifier;
import org.mianzheng.api.LicenseStatus;
import org.mianzheng.api.WorkOrderState;
import org.mianzheng.platform.SignatureAlgorithm;
import org.mianzheng.platform.Signatures;

/** Sample data, files, signature checks, fault bookkeeping and the desk, seen from outside the simulator. */
class SimulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-04-01T00:00:00Z"));
    private static Simulator sim;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        sim = Simulator.start(SimulatorConfig.builder().clock(CLOCK).build());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void sampleDataHasValidIdentifiersAndEveryStatus() {
        SampleData d = sim.data();
        assertThat(d.persons()).hasSize(6);
        assertThat(d.organisations()).hasSize(4);
        for (SampleHolder h : d.holders()) {
            assertThat(new HolderId(h.id().type(), h.id().value())).isEqualTo(h.id());
        }
        for (SampleLicense l : d.licenses()) {
            assertThat(LicenseIdentifier.parse(l.identifier().format())).isEqualTo(l.identifier());
            assertThat(FileType.sniff(l.file())).isEqualTo(l.fileType());
        }
        for (LicenseStatus s : LicenseStatus.values()) {
            assertThat(d.licenses()).anyMatch(l -> l.status() == s);
        }
        assertThat(d.license(d.unknownHolder().id(), SampleData.HOUSEHOLD_REGISTER)).isEmpty();
        assertThat(SampleData.seeded(1).licenses()).extracting(SampleLicense::sha256)
                .containsExactlyElementsOf(d.licenses().stream().map(SampleLicense::sha256).toList());
        assertThat(d.other(d.persons().get(0).id()).kind()).isEqualTo(HolderKind.PERSON);
    }

    @Test
    void pdfHasAConsistentCrossReferenceTable() {
        byte[] pdf = SampleFiles.pdf(List.of("line (one)", "二"));
        String s = new String(pdf, StandardCharsets.ISO_8859_1);
        assertThat(s).startsWith("%PDF-1.4").endsWith("%%EOF\n");
        Matcher m = Pattern.compile("startxref\n(\\d+)\n").matcher(s);
        assertThat(m.find()).isTrue();
        int xref = Integer.parseInt(m.group(1));
        assertThat(s.substring(xref)).startsWith("xref\n0 6\n");
        Matcher entries = Pattern.compile("(\\d{10}) 00000 n ").matcher(s.substring(xref));
        int obj = 1;
        while (entries.find()) {
            assertThat(s.substring(Integer.parseInt(entries.group(1)))).startsWith(obj + " 0 obj");
            obj++;
        }
        assertThat(obj).isEqualTo(6);
        assertThat(s).contains("(line \\(one\\)) Tj").contains("(?) Tj");
    }

    @Test
    void pngDecodes() throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(SampleFiles.png(3)));
        assertThat(img.getWidth()).isEqualTo(160);
    }

    private static JsonNode post(String path, long ts, String nonce, String sign, String token) throws Exception {
        byte[] body = "{\"app_key\":\"ow-app\",\"grant_type\":\"client_credentials\"}".getBytes(StandardCharsets.UTF_8);
        String full = "/onewindow" + path;
        String signature = sign != null ? sign : Signatures.sign(SignatureAlgorithm.HMAC_SHA256, "ow-secret",
                Signatures.canonical("POST", full, "ow-app", ts, nonce, token, body));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.oneWindowUrl() + path)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("X-App-Key", "ow-app").header("X-Timestamp", Long.toString(ts)).header("X-Nonce", nonce)
                .header("X-Signature", signature).header("X-Sign-Method", "HMAC-SHA256");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return JSON.readTree(HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray()).body());
    }

    @Test
    void signaturesAreCheckedLikeARealPlatform() throws Exception {
        long now = CLOCK.millis();
        JsonNode ok = post("/api/v1/auth/token", now, "nonce-000001", null, null);
        assertThat(ok.get("ack_code").asText()).isEqualTo("0000");
        assertThat(ok.at("/data/expires_in").asLong()).isEqualTo(7200);
        assertThat(post("/api/v1/auth/token", now, "nonce-000001", null, null).get("ack_code").asText()).as("replayed nonce").isEqualTo("1002");
        assertThat(post("/api/v1/auth/token", now, "nonce-000002", "AAAA", null).get("ack_code").asText()).as("bad signature").isEqualTo("1002");
        assertThat(post("/api/v1/auth/token", now - 600_000, "nonce-000003", null, null).at("/errors/0/message").asText())
                .isEqualTo("timestamp outside the tolerance");
        assertThat(post("/api/v1/license/get", now, "nonce-000004", null, "forged-token").get("ack_code").asText()).isEqualTo("1001");
        String token = ok.at("/data/access_token").asText();
        JsonNode missing = post("/api/v1/license/get", now, "nonce-000005", null, token);
        assertThat(missing.get("ack_code").asText()).as("purpose fields are required").isEqualTo("4001");
        CLOCK.advance(Duration.ofHours(3));
        assertThat(post("/api/v1/license/get", CLOCK.millis(), "nonce-000006", null, token).get("ack_code").asText()).as("expired token")
                .isEqualTo("1001");
    }

    @Test
    void faultsCountDownAndUnknownRoutesAre404() throws Exception {
        sim.faults().inject(Route.CITYHUB_QUERY, Fault.of(Fault.Kind.SERVER_ERROR).times(2));
        assertThat(sim.faults().take(Route.CITYHUB_QUERY)).isNotNull();
        assertThat(sim.faults().take(Route.CITYHUB_QUERY)).isNotNull();
        assertThat(sim.faults().take(Route.CITYHUB_QUERY)).isNull();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(sim.cityHubUrl() + "/nope")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(Route.of("/cityhub/gateway/license/query")).isEqualTo(Route.CITYHUB_QUERY);
        assertThat(sim.openConnections()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void deskStatesFollowTheClock() {
        Desk desk = sim.desk();
        desk.behave("D1", DeskBehaviour.answering(Duration.ofMinutes(1), Duration.ofMinutes(30), FileType.PDF));
        Desk.Entry e = desk.create("O-1", "D1", "VERIFY_APPROVAL");
        assertThat(desk.create("O-1", "D1", "VERIFY_APPROVAL")).isEqualTo(e);
        assertThat(desk.state(e).state()).isEqualTo(WorkOrderState.SUBMITTED);
        CLOCK.advance(Duration.ofMinutes(1));
        assertThat(desk.state(e).state()).isEqualTo(WorkOrderState.ACCEPTED);
        CLOCK.advance(Duration.ofMinutes(29));
        assertThat(desk.state(e)).isEqualTo(new Desk.State(WorkOrderState.COMPLETED, e.createdAt().plus(Duration.ofMinutes(30))));
    }

    @Test
    void helpPrintsTheFlags() throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            Simulator.main(new String[]{"--help"});
        } finally {
            System.setOut(out);
        }
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("--port").contains("--fault ROUTE=KIND").contains("NO_ANSWER");
    }
}
