package org.mianzheng.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.Digests;
import org.mianzheng.api.DocumentFile;
import org.mianzheng.api.FileType;
import org.mianzheng.api.SourceOutcome;
import org.mianzheng.platform.FileFields;

/** Limiter, token cache, file checks, redaction, dotted paths. */
class InternalsTest {
    private static final FileFields FIELDS = new FileFields("t", "c", "h", "n", Map.of("pdf", FileType.PDF, "png", FileType.PNG));
    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static ObjectNode file(String type, byte[] content, String sha, Object size) {
        ObjectNode n = Json.object();
        Json.put(n, "t", type);
        Json.put(n, "c", Base64.getEncoder().encodeToString(content));
        if (sha != null) {
            Json.put(n, "h", sha);
        }
        if (size != null) {
            Json.put(n, "n", size);
        }
        return n;
    }

    private static SourceOutcome outcome(Runnable r) {
        try {
            r.run();
            return null;
        } catch (CallFailure f) {
            return f.outcome();
        }
    }

    @Test
    void fileChecks() {
        DocumentFile f = FileDecoder.decode(file("pdf", PDF, Digests.sha256Hex(PDF), PDF.length), FIELDS, 1000);
        assertThat(f.type()).isEqualTo(FileType.PDF);
        assertThat(outcome(() -> FileDecoder.decode(file("pdf", PDF, Digests.sha256Hex(new byte[]{1}), null), FIELDS, 1000)))
                .isEqualTo(SourceOutcome.MALFORMED_RESPONSE);
        assertThat(outcome(() -> FileDecoder.decode(file("pdf", PDF, null, PDF.length + 1), FIELDS, 1000))).isEqualTo(SourceOutcome.MALFORMED_RESPONSE);
        assertThat(outcome(() -> FileDecoder.decode(file("png", PDF, null, null), FIELDS, 1000))).isEqualTo(SourceOutcome.MALFORMED_RESPONSE);
        assertThat(outcome(() -> FileDecoder.decode(file("doc", PDF, null, null), FIELDS, 1000))).isEqualTo(SourceOutcome.MALFORMED_RESPONSE);
        assertThat(outcome(() -> FileDecoder.decode(file(null, "hello".getBytes(), null, null), FIELDS, 1000)))
                .isEqualTo(SourceOutcome.MALFORMED_RESPONSE);
        assertThat(outcome(() -> FileDecoder.decode(file("pdf", PDF, null, null), FIELDS, 10))).isEqualTo(SourceOutcome.MALFORMED_RESPONSE);
        ObjectNode bad = file("pdf", PDF, null, null);
        Json.put(bad, "c", "***not base64***");
        assertThat(outcome(() -> FileDecoder.decode(bad, FIELDS, 1000))).isEqualTo(SourceOutcome.MALFORMED_RESPONSE);
        assertThat(FileDecoder.decode(file(null, PDF, null, null), FIELDS, 1000).type()).as("sniffed when undeclared").isEqualTo(FileType.PDF);
    }

    @Test
    void redactMasksIdentifierRuns() {
        assertThat(Redact.text("holder 150302198001011234 not found\n")).isEqualTo("holder 150***********1234 not found ");
        assertThat(Redact.text(null)).isEmpty();
        assertThat(Redact.text("x".repeat(5) + " " + "y".repeat(300))).hasSizeLessThan(200);
    }

    @Test
    void dottedPaths() {
        ObjectNode n = Json.object();
        Json.put(n, "head.status", "0");
        Json.put(n, "head.count", 3);
        assertThat(Json.text(n, "head.status")).isEqualTo("0");
        assertThat(Json.text(n, "head.count")).isEqualTo("3");
        assertThat(Json.at(n, "head.missing.deeper").isMissingNode()).isTrue();
        assertThat(Json.at(n, "").equals(n)).isTrue();
        assertThatThrownBy(() -> Json.parseObject("[1]".getBytes())).isInstanceOf(CallFailure.class);
    }

    @Test
    void limiterHandsPermitsOverAndTimesOut() {
        AsyncLimiter l = new AsyncLimiter(1);
        assertThat(l.acquire(Duration.ofSeconds(1))).isDone();
        CompletableFuture<Void> waiting = l.acquire(Duration.ofSeconds(5));
        CompletableFuture<Void> late = l.acquire(Duration.ofMillis(1));
        assertThatThrownBy(late::join).isInstanceOf(CompletionException.class);
        assertThat(waiting).isNotDone();
        l.release();
        assertThat(waiting).isDone();
        assertThat(l.inUse()).isEqualTo(1);
        l.release();
        assertThat(l.inUse()).isZero();
    }

    @Test
    void tokenCacheIsSingleFlightAndRefreshesOnlyTheRejectedToken() {
        AtomicInteger logins = new AtomicInteger();
        List<CompletableFuture<TokenCache.Token>> pending = new ArrayList<>();
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        TokenCache c = new TokenCache(clock, Duration.ofSeconds(60), () -> {
            logins.incrementAndGet();
            CompletableFuture<TokenCache.Token> f = new CompletableFuture<>();
            pending.add(f);
            return f;
        });
        CompletableFuture<String> a = c.get();
        CompletableFuture<String> b = c.get();
        assertThat(logins).hasValue(1);
        pending.get(0).complete(new TokenCache.Token("t1", clock.instant().plusSeconds(3600)));
        assertThat(a.join()).isEqualTo("t1");
        assertThat(b.join()).isEqualTo("t1");
        assertThat(c.get().join()).isEqualTo("t1");
        CompletableFuture<String> r = c.refresh("t1");
        assertThat(logins).hasValue(2);
        pending.get(1).complete(new TokenCache.Token("t2", clock.instant().plusSeconds(3600)));
        assertThat(r.join()).isEqualTo("t2");
        assertThat(c.refresh("t1").join()).as("someone already replaced t1").isEqualTo("t2");
        assertThat(logins).hasValue(2);
    }

    /**
     * A file of the largest size accepted fits the body limit however the platform writes its Base64: MIME lines with
     * CR LF escaped in the JSON string, and every slash escaped.
     */
    @Test
    void theLargestFileFitsTheBodyLimitWithEscapedLineBreaksAndSlashes() {
        int max = 1 << 20;
        byte[] file = new byte[max];
        new java.util.Random(7).nextBytes(file);
        String b64 = java.util.Base64.getMimeEncoder().encodeToString(file).replace("\r\n", "\\r\\n").replace("/", "\\/");
        String answer = "{\"head\":{\"status\":\"0\"},\"data\":{\"fileType\":\"PDF\",\"fileData\":\"" + b64 + "\"}}";
        assertThat((long) answer.length()).isLessThanOrEqualTo(Transport.fileBodyLimit(max));
        assertThat(Transport.fileBodyLimit(max)).as("still a bound: not far above what such a file needs").isLessThan((long) max * 3 / 2 + 64 * 1024);
    }

    /** A token that lives less than the refresh margin is refreshed at half its life, not before every call. */
    @Test
    void aShortLivedTokenIsRefreshedAtHalfItsLife() {
        AtomicInteger logins = new AtomicInteger();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        Instant[] now = {t0};
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        TokenCache c = new TokenCache(moving, Duration.ofSeconds(60), () -> {
            logins.incrementAndGet();
            return CompletableFuture.completedFuture(new TokenCache.Token("t" + logins.get(), now[0].plusSeconds(30)));
        });
        assertThat(c.get().join()).isEqualTo("t1");
        now[0] = t0.plusSeconds(10);
        assertThat(c.get().join()).as("10 s into a 30 s token: still good").isEqualTo("t1");
        assertThat(logins).hasValue(1);
        now[0] = t0.plusSeconds(15);
        assertThat(c.get().join()).as("half its life gone: refreshed").isEqualTo("t2");
    }

    /** A login that yields no token fails its waiters instead of leaving them waiting. */
    @Test
    void aLoginWithoutATokenFailsItsWaiters() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        TokenCache none = new TokenCache(clock, Duration.ofSeconds(60), () -> CompletableFuture.completedFuture(null));
        assertThatThrownBy(() -> none.get().orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).join()).hasRootCauseInstanceOf(IllegalStateException.class);
        TokenCache noExpiry = new TokenCache(clock, Duration.ofSeconds(60), () -> CompletableFuture.completedFuture(new TokenCache.Token("t", null)));
        assertThatThrownBy(() -> noExpiry.get().orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).join()).hasMessageContaining("no expiry");
    }

    @Test
    void callFailureUnwrapsAndTypesUnexpectedExceptions() {
        assertThat(CallFailure.from(new CompletionException(new java.util.concurrent.TimeoutException())).outcome()).isEqualTo(SourceOutcome.TIMEOUT);
        assertThat(CallFailure.from(new IllegalStateException("boom")).outcome()).isEqualTo(SourceOutcome.MALFORMED_RESPONSE);
        assertThat(CallFailure.of(SourceOutcome.UNAVAILABLE, "x").retryable()).isTrue();
        assertThat(CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "x").retryable()).isFalse();
    }

    /** Identity numbers written in groups and phone numbers are masked too; a cut never leaves half a surrogate pair. */
    @Test
    void redactionMasksGroupedNumbersAndCutsBetweenCharacters() {
        String said = Redact.text("持证人张三（身份证 110105 19491231 002X，电话13800138000）无此证照");
        assertThat(said).doesNotContain("19491231").doesNotContain("13800138000").contains("110").contains("002X").contains("无此证照");
        assertThat(Redact.text("110105-19491231-002X")).doesNotContain("19491231");
        assertThat(Redact.text("code 2002 at 10:30")).isEqualTo("code 2002 at 10:30");
        String cut = Redact.text("a".repeat(159) + "\uD83D\uDE00 and more");
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
        assertThat(cut).endsWith("…").hasSize(160);
    }
}
