package org.mianzheng.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.mianzheng.api.HolderId;
import org.mianzheng.api.HolderIdType;
import org.mianzheng.api.MianzhengException;
import org.mianzheng.platform.PlatformCredentials;
import org.mianzheng.platform.Signatures;
import org.mianzheng.platform.SignatureAlgorithm;

/** What both simulated platforms share: tokens, nonces, signature checks. */
abstract class PlatformSupport {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    final SimulatorConfig config;
    final PlatformCredentials credentials;
    final Clock clock;
    final SampleData data;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Map<String, Instant> nonces = new LinkedHashMap<>();
    final AtomicInteger logins = new AtomicInteger();

    PlatformSupport(SimulatorConfig config, PlatformCredentials credentials, SampleData data) {
        this.config = config;
        this.credentials = credentials;
        this.clock = config.clock();
        this.data = data;
    }

    /** The outcome of checking a request's credentials: null = fine, else the reason. */
    String checkSignature(String path, String appKey, String tsText, String nonce, String token, String method, String sign, byte[] payload) {
        if (!credentials.appKey().equals(appKey)) {
            return "unknown app key";
        }
        SignatureAlgorithm alg;
        try {
            alg = SignatureAlgorithm.parse(method == null ? "" : method);
        } catch (MianzhengException e) {
            return "unknown signature method";
        }
        if (alg != config.signatureAlgorithm()) {
            return "signature method " + alg.wireName() + " not accepted";
        }
        long ts;
        try {
            ts = Long.parseLong(tsText == null ? "" : tsText);
        } catch (NumberFormatException e) {
            return "bad timestamp";
        }
        if (Math.abs(ts - clock.millis()) > config.timestampTolerance().toMillis()) {
            return "timestamp outside the tolerance";
        }
        if (nonce == null || nonce.length() < 8 || nonce.length() > 64) {
            return "bad nonce";
        }
        String expected = Signatures.sign(alg, credentials.appSecret(), Signatures.canonical("POST", path, appKey, ts, nonce, token, payload));
        if (!Signatures.matches(expected, sign)) {
            return "signature mismatch";
        }
        synchronized (nonces) {
            if (nonces.containsKey(nonce)) {
                return "nonce replayed";
            }
            nonces.put(nonce, clock.instant());
            if (nonces.size() > 200_000) {
                nonces.remove(nonces.keySet().iterator().next());
            }
        }
        return null;
    }

    String issueToken() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        String t = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        tokens.put(t, clock.instant().plus(config.tokenTtl()));
        logins.incrementAndGet();
        return t;
    }

    boolean tokenValid(String token) {
        if (token == null) {
            return false;
        }
        Instant exp = tokens.get(token);
        return exp != null && clock.instant().isBefore(exp);
    }

    long ttlSeconds() {
        return config.tokenTtl().getSeconds();
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v != null && (v.isTextual() || v.isNumber()) && !v.asText().isBlank() ? v.asText() : null;
    }

    static HolderId holder(String typeCode, String value) {
        return new HolderId(HolderIdType.ofCode(typeCode), value);
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static byte[] bytes(JsonNode n) {
        try {
            return MAPPER.writeValueAsBytes(n);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    static byte[] corrupt(byte[] file) {
        byte[] c = file.clone();
        c[c.length - 1] ^= 0x55;
        return c;
    }

    static String date(java.time.LocalDate d) {
        return d == null ? null : d.toString();
    }

    Duration tolerance() {
        return config.timestampTolerance();
    }

    /** Processes one request on this platform. */
    abstract Answer process(Route route, String fullPath, Map<String, String> headers, byte[] body, Fault fault, java.util.function.Consumer<SeenCall> seen);

    /** The answer a refusing fault gives on this platform: its authentication failure or the injected status. */
    Answer refuse(Route route, Fault fault) {
        switch (fault.kind()) {
            case AUTHENTICATION_FAILURE:
                return authenticationFailure();
            case STATUS:
                return envelope(fault.code(), "injected status", null);
            default:
                return null;
        }
    }

    /** This platform's answer to a rejected login or token. */
    abstract Answer authenticationFailure();

    /** This platform's envelope around a status, its message and the data (or null). */
    abstract Answer envelope(String status, String message, JsonNode data);
}
