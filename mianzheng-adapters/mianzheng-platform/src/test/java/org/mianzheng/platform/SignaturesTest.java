package org.mianzheng.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Known vectors computed independently (Python hmac/hashlib over OpenSSL), canonical string and JSON. */
class SignaturesTest {
    private static final String CANONICAL = Signatures.canonical("POST", "/ow/api/v1/license/get", "app-1", 1767225600000L, "nonce-0001", "tok-1",
            "{\"a\":1}".getBytes(StandardCharsets.UTF_8));

    @Test
    void canonicalStringIsSevenLines() {
        assertThat(CANONICAL).isEqualTo("POST\n/ow/api/v1/license/get\napp-1\n1767225600000\nnonce-0001\ntok-1\n"
                + "015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862");
        assertThat(Signatures.canonical("POST", "/p", "k", 1, "n", null, new byte[0])).isEqualTo("POST\n/p\nk\n1\nn\n\n"
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void hmacSha256KnownVector() {
        assertThat(Signatures.sign(SignatureAlgorithm.HMAC_SHA256, "secret-1", CANONICAL)).isEqualTo("uwz1L8SfPArHBj/loyletA7n49EfZeB5yJF4soHnOzI=");
    }

    @Test
    void hmacSm3KnownVector() {
        assertThat(Signatures.sign(SignatureAlgorithm.HMAC_SM3, "secret-1", CANONICAL)).isEqualTo("1fr/DlCQGjuDxlXHsRCqnC9eBTqQYO3rqct2ZYOwXyw=");
    }

    @Test
    void matchesIsExact() {
        assertThat(Signatures.matches("abc", "abc")).isTrue();
        assertThat(Signatures.matches("abc", "abd")).isFalse();
        assertThat(Signatures.matches("abc", null)).isFalse();
    }

    @Test
    void canonicalJsonSortsKeysAtEveryLevelAndIsCompact() throws Exception {
        ObjectMapper m = new ObjectMapper();
        byte[] a = Signatures.canonicalJson(m.readTree("{\"b\": {\"z\": 1, \"a\": [3, {\"y\": \"乌海\", \"x\": null}]}, \"a\": true}"));
        assertThat(new String(a, StandardCharsets.UTF_8)).isEqualTo("{\"a\":true,\"b\":{\"a\":[3,{\"x\":null,\"y\":\"乌海\"}],\"z\":1}}");
        assertThat(new String(Signatures.canonicalJson(null), StandardCharsets.UTF_8)).isEqualTo("null");
    }

    @Test
    void algorithmNames() {
        assertThat(SignatureAlgorithm.parse("hmac-sm3")).isEqualTo(SignatureAlgorithm.HMAC_SM3);
        assertThat(SignatureAlgorithm.parse("HMAC_SHA256")).isEqualTo(SignatureAlgorithm.HMAC_SHA256);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SignatureAlgorithm.parse("MD5")).isInstanceOf(ProfileException.class);
    }
}
