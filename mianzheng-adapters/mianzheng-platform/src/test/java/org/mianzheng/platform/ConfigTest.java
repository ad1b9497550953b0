package org.mianzheng.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.SourceOutcome;

/** Configuration values, retry backoff, profile reading and merging. */
class ConfigTest {
    @Test
    void backoffIsExponentialCappedAndJittered() {
        RetryPolicy p = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(350), 0.5);
        assertThat(p.backoff(1, 0.0)).isEqualTo(Duration.ofMillis(50));
        assertThat(p.backoff(1, 0.999)).isBetween(Duration.ofMillis(99), Duration.ofMillis(100));
        assertThat(p.backoff(2, 1.0)).isEqualTo(Duration.ofMillis(200));
        assertThat(p.backoff(3, 1.0)).isEqualTo(Duration.ofMillis(350));
        assertThat(p.backoff(60, 1.0)).isEqualTo(Duration.ofMillis(350));
        assertThat(p.worstCaseBackoff()).isEqualTo(Duration.ofMillis(100 + 200 + 350 + 350));
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 0)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(2), Duration.ofSeconds(1), 0)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ZERO, Duration.ZERO, 1.5)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void configValidatesAndRedactsTheSecret() {
        PlatformCredentials c = new PlatformCredentials("app", "s3cr3t");
        assertThat(c.toString()).doesNotContain("s3cr3t");
        PlatformConfig cfg = PlatformConfig.builder(URI.create("https://example.org/ow/"), c).build();
        assertThat(cfg.baseUrl()).hasToString("https://example.org/ow");
        assertThat(cfg.toString()).doesNotContain("s3cr3t");
        assertThat(cfg.maxFileBytes()).isEqualTo(20 * 1024 * 1024);
        assertThat(cfg.worstCaseCall()).isPositive();
        assertThatThrownBy(() -> PlatformConfig.builder(URI.create("ftp://example.org"), c)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> PlatformConfig.builder(URI.create("https://example.org"), c).maxConcurrentRequests(0))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Timeouts(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1))).hasMessageContaining("timeouts.connect");
        assertThatThrownBy(() -> new PlatformCredentials("app", "")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void mergeReplacesLeavesAndMergesObjects() throws Exception {
        ObjectMapper m = new ObjectMapper();
        var merged = ProfileReader.merge(m.readTree("{\"a\":{\"x\":1,\"y\":2},\"b\":[1,2],\"c\":\"k\"}"), m.readTree("{\"a\":{\"y\":3},\"b\":[9]}"));
        assertThat(merged.toString()).isEqualTo("{\"a\":{\"x\":1,\"y\":3},\"b\":[9],\"c\":\"k\"}");
    }

    @Test
    void readerNamesThePointer() throws Exception {
        ProfileReader r = ProfileReader.of(new ObjectMapper().readTree("{\"s\":{\"success\":[\"0\"],\"outcomes\":{\"1\":\"NOPE\"},\"tokenRejected\":[]}}"));
        assertThatThrownBy(() -> StatusTable.read(r.object("s"))).isInstanceOf(ProfileException.class).hasMessageContaining("/s/outcomes/1");
        assertThatThrownBy(() -> r.object("missing")).hasMessageContaining("/missing");
        assertThatThrownBy(() -> ProfileReader.parse(new ByteArrayInputStream("[".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void statusTableRules() {
        StatusTable t = new StatusTable(java.util.Set.of("0"), java.util.Map.of("11", SourceOutcome.AUTHENTICATION_FAILED), java.util.Set.of("11"));
        assertThat(t.isSuccess("0")).isTrue();
        assertThat(t.outcome("11")).contains(SourceOutcome.AUTHENTICATION_FAILED);
        assertThat(t.outcome("99")).isEmpty();
        assertThatThrownBy(() -> new StatusTable(java.util.Set.of("0"), java.util.Map.of("0", SourceOutcome.FOUND), java.util.Set.of()))
                .isInstanceOf(ProfileException.class);
        assertThatThrownBy(() -> new StatusTable(java.util.Set.of("0"), java.util.Map.of("10", SourceOutcome.NOT_FOUND), java.util.Set.of("10")))
                .hasMessageContaining("AUTHENTICATION_FAILED");
    }

    @Test
    void tlsNeedsAStore() {
        assertThatThrownBy(() -> new TlsConfig(null, null, null, null)).isInstanceOf(ProfileException.class);
        TlsConfig t = TlsConfig.trusting(java.nio.file.Path.of("t.p12"), "pw".toCharArray());
        assertThat(t.toString()).doesNotContain("pw");
    }
}
