package org.mianzheng.seal.pades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.SigningException;
import org.mianzheng.seal.Fixtures;
import org.mianzheng.seal.internal.Digests;
import org.mianzheng.seal.testkit.RemoteSigningServer;
import org.mianzheng.seal.testkit.TestTimestampAuthority;

class HttpTimestampClientTest {
    static TestTimestampAuthority tsa;

    @BeforeAll
    static void start() throws Exception {
        tsa = TestTimestampAuthority.start(Fixtures.pki().tsa, Fixtures.CLOCK);
    }

    @AfterAll
    static void stop() {
        tsa.close();
    }

    @Test
    void tokenCoversTheImprintAtTheTsaTime() throws Exception {
        HttpTimestampClient client = HttpTimestampClient.builder(tsa.uri()).build();
        byte[] imprint = Digests.sha256("signature value".getBytes());
        TimeStampToken token = new TimeStampToken(new CMSSignedData(client.timestamp(imprint)));
        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(imprint);
        assertThat(token.getTimeStampInfo().getGenTime().toInstant()).isEqualTo(Fixtures.NOW);
        assertThat(token.getTimeStampInfo().getPolicy().getId()).isEqualTo(TestTimestampAuthority.POLICY_OID);
    }

    @Test
    void sizeEstimateProbesOnceThenLearns() {
        HttpTimestampClient client = HttpTimestampClient.builder(tsa.uri()).build();
        long before = tsa.requestCount();
        int estimate = client.tokenSizeEstimate();
        assertThat(tsa.requestCount()).isEqualTo(before + 1);
        assertThat(client.tokenSizeEstimate()).isEqualTo(estimate);
        assertThat(tsa.requestCount()).isEqualTo(before + 1);
        byte[] token = client.timestamp(new byte[32]);
        assertThat(estimate).isGreaterThan(token.length);
    }

    @Test
    void refusalIsReportedWithTheTsaStatus() {
        HttpTimestampClient client = HttpTimestampClient.builder(tsa.uri()).policyOid("2.999.1.2.3").build();
        assertThatThrownBy(() -> client.timestamp(new byte[32])).isInstanceOf(SigningException.class)
                .hasMessageContaining("TSA refused: status 2");
        HttpTimestampClient right = HttpTimestampClient.builder(tsa.uri()).policyOid(TestTimestampAuthority.POLICY_OID).build();
        assertThat(right.timestamp(new byte[32])).isNotEmpty();
    }

    @Test
    void wrongImprintLengthAndBadConfiguration() {
        HttpTimestampClient client = HttpTimestampClient.builder(tsa.uri()).id("city-tsa").build();
        assertThatThrownBy(() -> client.timestamp(new byte[7])).isInstanceOf(SigningException.class)
                .satisfies(e -> assertThat(((SigningException) e).providerId()).isEqualTo("city-tsa"));
        assertThatThrownBy(() -> HttpTimestampClient.builder(URI.create("ftp://tsa.example/"))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> HttpTimestampClient.builder(tsa.uri()).digestAlgorithm("MD5")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void notATsaOrUnreachable() throws Exception {
        try (RemoteSigningServer other = RemoteSigningServer.start(null, Map.of())) {
            HttpTimestampClient client = HttpTimestampClient.builder(other.uri().resolve("/v1/keys/x/sign")).build();
            assertThatThrownBy(() -> client.timestamp(new byte[32])).isInstanceOf(SigningException.class).hasMessageContaining("HTTP 404");
        }
        TestTimestampAuthority gone = TestTimestampAuthority.start(Fixtures.pki().tsa, Fixtures.CLOCK);
        URI uri = gone.uri();
        gone.close();
        HttpTimestampClient client = HttpTimestampClient.builder(uri).timeout(Duration.ofSeconds(2)).build();
        assertThatThrownBy(() -> client.timestamp(new byte[32])).isInstanceOf(SigningException.class).hasMessageContaining("unreachable");
    }
}
