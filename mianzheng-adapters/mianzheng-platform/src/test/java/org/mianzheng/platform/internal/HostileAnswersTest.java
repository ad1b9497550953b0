package org.mianzheng.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.FileType;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.LicenseStatus;
import org.mianzheng.api.SourceOutcome;
import org.mianzheng.platform.EnvelopeFields;
import org.mianzheng.platform.FileFields;
import org.mianzheng.platform.LicenseFields;
import org.mianzheng.platform.PlatformConfig;
import org.mianzheng.platform.PlatformCredentials;
import org.mianzheng.platform.ProfileException;
import org.mianzheng.platform.ProfileReader;
import org.mianzheng.platform.StatusTable;
import org.mianzheng.platform.Timeouts;
import org.slf4j.LoggerFactory;

/** What a hostile or broken platform may send, and what the shared client code does with it. */
class HostileAnswersTest {
    private static final String ID = "11010519491231002X";
    private static final EnvelopeFields ENVELOPE = new EnvelopeFields("ack_code", "", "data", "", "");
    private static final StatusTable TABLE = new StatusTable(Set.of("0000"), Map.of("2001", SourceOutcome.NOT_FOUND), Set.of());

    private static CallFailure failure(CompletionException e) {
        assertThat(e.getCause()).isInstanceOf(CallFailure.class);
        return (CallFailure) e.getCause();
    }

    @Test
    void aHeaderTheClientRefusesGivesTheRequestSlotBack() {
        // nothing listens on the address: the request is refused before it is sent
        PlatformConfig config = PlatformConfig.builder(URI.create("http://127.0.0.1:9/p"), new PlatformCredentials("k", "s"))
                .maxConcurrentRequests(1).timeouts(Timeouts.of(Duration.ofSeconds(5))).build();
        Transport t = new Transport("test", config, LoggerFactory.getLogger(HostileAnswersTest.class));
        for (int i = 0; i < 3; i++) { // with one slot, a slot kept by the first call would make the second wait and time out
            CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                    () -> t.post("r", "/x", Map.of("X-Token", "tok\u0001"), new byte[0], false).orTimeout(10, TimeUnit.SECONDS).join());
            assertThat(failure(e).outcome()).isEqualTo(SourceOutcome.UNAVAILABLE);
            assertThat(failure(e).getMessage()).contains("cannot send");
            assertThat(t.inFlight()).isZero();
        }
    }

    @Test
    void aLoginTokenAHeaderCannotCarryIsRefusedAtLogin() {
        PlatformConfig config = PlatformConfig.builder(URI.create("http://127.0.0.1:9/p"), new PlatformCredentials("k", "s")).build();
        for (String token : List.of("tok\u0001", "tok en", "令牌")) {
            Envelope env = login(token, "7200");
            assertThatThrownBy(() -> ClientSupport.token(env, "access_token", "expires_in", "test", config, LoggerFactory.getLogger(getClass())))
                    .isInstanceOf(CallFailure.class).hasMessageContaining("'access_token' has a character a header cannot carry")
                    .extracting(f -> ((CallFailure) f).outcome()).isEqualTo(SourceOutcome.MALFORMED_RESPONSE);
        }
        assertThat(ClientSupport.token(login("eyJ.abc-_~+/=", "7200"), "access_token", "expires_in", "test", config,
                LoggerFactory.getLogger(getClass())).value()).isEqualTo("eyJ.abc-_~+/=");
    }

    @Test
    void anAbsurdTokenLifetimeIsRefusedWithItsValue() {
        PlatformConfig config = PlatformConfig.builder(URI.create("http://127.0.0.1:9/p"), new PlatformCredentials("k", "s")).build();
        for (String seconds : List.of("99999999999999999", "-5")) {
            assertThatThrownBy(() -> ClientSupport.token(login("t", seconds), "access_token", "expires_in", "test", config,
                    LoggerFactory.getLogger(getClass()))).isInstanceOf(CallFailure.class).hasMessageContaining("'expires_in' of " + seconds + " s is outside");
        }
    }

    private static Envelope login(String token, String expires) {
        String body = "{\"ack_code\":\"0000\",\"data\":{\"access_token\":" + quote(token) + ",\"expires_in\":" + expires + "}}";
        return Envelope.parse(new Reply(200, HttpHeaders.of(Map.of(), (a, b) -> true), body.getBytes(StandardCharsets.UTF_8)), ENVELOPE, TABLE,
                "test", LoggerFactory.getLogger(HostileAnswersTest.class));
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            sb.append(c < 0x20 || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.append('"').toString();
    }

    private static CallFailure overloaded(int http, String code) {
        byte[] body = ("{\"ack_code\":" + quote(code) + "}").getBytes(StandardCharsets.UTF_8);
        try {
            Envelope.parse(new Reply(http, HttpHeaders.of(Map.of(), (a, b) -> true), body), ENVELOPE, TABLE, "test",
                    LoggerFactory.getLogger(HostileAnswersTest.class));
        } catch (CallFailure f) {
            return f;
        }
        throw new AssertionError("no failure for HTTP " + http);
    }

    @Test
    void aStatusCodeThatComesWithAnOverloadedAnswerIsMaskedAndCleanedUnlessTheTableKnowsIt() {
        CallFailure id = overloaded(503, ID);
        assertThat(id.outcome()).isEqualTo(SourceOutcome.UNAVAILABLE);
        assertThat(id.platformCode()).doesNotContain(ID).startsWith("110").endsWith("002X");
        assertThat(id.getMessage()).doesNotContain(ID);
        CallFailure forged = overloaded(429, "E1\nFORGED LOG LINE");
        assertThat(forged.platformCode()).doesNotContain("\n");
        assertThat(forged.getMessage()).doesNotContain("\n");
        assertThat(overloaded(502, "2001").platformCode()).as("a code of the table, as it is").isEqualTo("2001");
        assertThat(overloaded(503, "E\uD800").platformCode()).as("half a surrogate pair, which no store keeps").isEqualTo("E\uFFFD");
    }

    @Test
    void aDateThatDoesNotExistIsRefusedNotMoved() {
        for (String pattern : List.of("yyyy-MM-dd", "uuuu-MM-dd", "yyyyMMdd")) {
            LicenseFields f = new LicenseFields("id", "no", "type", "holder", "holderType", "name", "issuer", "issued", "from", "until", "status",
                    "surface", pattern, Map.of("VALID", LicenseStatus.VALID));
            String good = pattern.contains("-") ? "2031-02-28" : "20310228";
            String bad = pattern.contains("-") ? "2031-02-31" : "20310231";
            assertThat(LocalDate.parse(good, f.dateFormatter())).isEqualTo(LocalDate.of(2031, 2, 28));
            assertThatThrownBy(() -> LocalDate.parse(bad, f.dateFormatter())).isInstanceOf(DateTimeParseException.class);
        }
        assertThatThrownBy(() -> new LicenseFields("id", "no", "type", "holder", "holderType", "name", "issuer", "issued", "from", "until", "status",
                "surface", "yyyy-MM-dd{", Map.of())).isInstanceOf(ProfileException.class).hasMessageContaining("/license/dateFormat");
    }

    @Test
    void base64WithLineBreaksIsTakenWithinTheLimitAndGarbageInItIsRefused() {
        FileFields fields = new FileFields("t", "c", "", "", Map.of("pdf", FileType.PDF));
        byte[] pdf = new byte[990];
        byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, pdf, 0, head.length);
        ObjectNode wrapped = Json.object();
        Json.put(wrapped, "c", Base64.getMimeEncoder().encodeToString(pdf)); // lines of 76 characters, CRLF between them
        assertThat(FileDecoder.decode(wrapped, fields, 1000).bytes()).isEqualTo(pdf);
        ObjectNode junk = Json.object();
        Json.put(junk, "c", Base64.getEncoder().encodeToString(pdf).replace("J", "J!!<>~"));
        assertThatThrownBy(() -> FileDecoder.decode(junk, fields, 1000)).isInstanceOf(CallFailure.class).hasMessageContaining("not valid Base64");
    }

    @Test
    void anAnswerWithAKeyTwiceIsRefused() {
        assertThatThrownBy(() -> Json.parseObject("{\"ack_code\":\"0000\",\"ack_code\":\"2001\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CallFailure.class).hasMessageContaining("key twice");
        assertThatThrownBy(() -> Json.parseObject("{\"data\":{\"a\":1,\"a\":2}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CallFailure.class).hasMessageContaining("key twice");
    }

    @Test
    void headerNamesAndTheAppKeyAreCheckedWhenConfigured() {
        ProfileReader r = ProfileReader.of(Json.MAPPER.createObjectNode().put("good", "X-Ca-Key").put("space", "X Key").put("host", "Host"));
        assertThat(r.headerName("good")).isEqualTo("X-Ca-Key");
        assertThatThrownBy(() -> r.headerName("space")).isInstanceOf(ProfileException.class).hasMessageContaining("/space");
        assertThatThrownBy(() -> r.headerName("host")).isInstanceOf(ProfileException.class).hasMessageContaining("not a header name");
        assertThatThrownBy(() -> new PlatformCredentials("ke\ny", "s")).isInstanceOf(InvalidValueException.class).hasMessageContaining("appKey");
        assertThatThrownBy(() -> new PlatformCredentials("钥匙", "s")).isInstanceOf(InvalidValueException.class).hasMessageContaining("visible ASCII");
    }
}
