package org.mianzheng.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mianzheng.api.Digests;

/**
 * Request signatures, identical for clients and the simulator.
 *
 * <p>The canonical string is seven lines joined by {@code \n} (no trailing newline), all UTF-8:
 * <pre>
 * METHOD          e.g. POST
 * PATH            the request path, e.g. /onewindow/api/v1/license/get (no query string)
 * APP_KEY         app key (onewindow) or access id (cityhub)
 * TIMESTAMP       milliseconds since the epoch, decimal
 * NONCE           unique per request (the request id), 8..64 characters
 * TOKEN           the access token, or the empty string for the login call
 * PAYLOAD_SHA256  lowercase hex SHA-256 of the payload
 * </pre>
 * The payload is the raw request body (onewindow) or the {@linkplain #canonicalJson canonical JSON} of the
 * {@code data} object (cityhub, whose signature travels inside the body). The signature is
 * {@code Base64(MAC(appSecret, canonical))} with HMAC-SHA256 or SM3-HMAC.
 */
public final class Signatures {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Signatures() {
    }

    /**
     * @param method    HTTP method
     * @param path      request path
     * @param appKey    app key / access id
     * @param timestamp epoch milliseconds
     * @param nonce     nonce (request id)
     * @param token     access token or {@code null}/empty before login
     * @param payload   payload bytes
     * @return the canonical string
     */
    public static String canonical(String method, String path, String appKey, long timestamp, String nonce, String token, byte[] payload) {
        return String.join("\n", method, path, appKey, Long.toString(timestamp), nonce, token == null ? "" : token, Digests.sha256Hex(payload));
    }

    /**
     * @param algorithm MAC
     * @param secret    shared secret
     * @param canonical canonical string
     * @return Base64 of the MAC
     * @throws ProfileException if SM3 is selected and BouncyCastle is absent
     */
    public static String sign(SignatureAlgorithm algorithm, String secret, String canonical) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        byte[] msg = canonical.getBytes(StandardCharsets.UTF_8);
        byte[] mac;
        if (algorithm == SignatureAlgorithm.HMAC_SM3) {
            requireSm3();
            mac = Sm3.hmac(key, msg);
        } else {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(new SecretKeySpec(key, "HmacSHA256"));
                mac = m.doFinal(msg);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is mandatory in every JDK", e);
            }
        }
        return Base64.getEncoder().encodeToString(mac);
    }

    /**
     * Constant-time comparison of two signatures.
     *
     * @param expected the computed signature
     * @param actual   the received one, possibly {@code null}
     * @return whether they are equal
     */
    public static boolean matches(String expected, String actual) {
        if (actual == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws ProfileException unless BouncyCastle's SM3 is available
     */
    public static void requireSm3() {
        try {
            Class.forName("org.bouncycastle.crypto.digests.SM3Digest", false, Signatures.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ProfileException("signature algorithm HMAC-SM3 needs org.bouncycastle:bcprov-jdk18on on the class or module path");
        }
    }

    /**
     * Canonical JSON: compact, object keys sorted by UTF-16 code unit order at every level, arrays in order,
     * strings as Jackson writes them (UTF-8, no escaping of non-ASCII).
     *
     * @param node a JSON tree ({@code null} is JSON null)
     * @return its canonical bytes
     */
    public static byte[] canonicalJson(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(sorted(node == null ? JsonNodeFactory.instance.nullNode() : node));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("writing a JSON tree to bytes cannot fail", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            Collections.sort(names);
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (String n : names) {
                out.set(n, sorted(node.get(n)));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (JsonNode e : node) {
                out.add(sorted(e));
            }
            return out;
        }
        return node;
    }

    /** Lower-case hex helper for tests and logs. */
    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    /** Isolated so that the class loads without BouncyCastle. */
    private static final class Sm3 {
        static byte[] hmac(byte[] key, byte[] msg) {
            org.bouncycastle.crypto.macs.HMac mac = new org.bouncycastle.crypto.macs.HMac(new org.bouncycastle.crypto.digests.SM3Digest());
            mac.init(new org.bouncycastle.crypto.params.KeyParameter(key));
            mac.update(msg, 0, msg.length);
            byte[] out = new byte[mac.getMacSize()];
            mac.doFinal(out, 0);
            return out;
        }
    }
}
