package org.mianzheng.onewindow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.mianzheng.api.DocumentFile;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.License;
import org.mianzheng.api.LicenseQuery;
import org.mianzheng.api.SourceOutcome;
import org.mianzheng.api.SourceResult;
import org.mianzheng.api.spi.LicenseSource;
import org.mianzheng.platform.PlatformConfig;
import org.mianzheng.platform.Signatures;
import org.mianzheng.platform.internal.CallFailure;
import org.mianzheng.platform.internal.Cancellation;
import org.mianzheng.platform.internal.ClientSupport;
import org.mianzheng.platform.internal.Envelope;
import org.mianzheng.platform.internal.FileDecoder;
import org.mianzheng.platform.internal.Json;
import org.mianzheng.platform.internal.LicenseMapper;
import org.mianzheng.platform.internal.Reply;
import org.mianzheng.platform.internal.TokenCache;
import org.mianzheng.platform.internal.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LicenseSource} over a onewindow-style platform: token login (app key and secret, refreshed before expiry and
 * once on rejection) → {@code license/auth} (item, case, operator, holder → use code) → {@code license/get} (surface
 * data) → {@code license/archive} (file, when {@link LicenseQuery#withFile()}). Every request is signed (see
 * {@link Signatures}) and carries the purpose (item, case, operator, window, purpose text).
 *
 * <p>All calls of a retrieval are queries and are retried within the {@link org.mianzheng.platform.RetryPolicy}.
 * The returned stage never completes exceptionally: every answer, failure and timeout maps to one
 * {@link SourceOutcome}. Thread-safe; starts no threads. Logs identity numbers masked only.
 *
 * <pre>{@code
 * PlatformConfig config = PlatformConfig.builder(URI.create("https://onewindow.example/ow"),
 *         new PlatformCredentials("app-key", secret)).build();
 * LicenseSource onewindow = OneWindowClient.create(config);   // or create(config, OneWindowProfile.fromJson(in))
 * }</pre>
 */
public final class OneWindowClient implements LicenseSource {
    private static final Logger LOG = LoggerFactory.getLogger(OneWindowClient.class);

    private final PlatformConfig config;
    private final OneWindowProfile profile;
    private final Transport transport;
    private final TokenCache tokens;

    private OneWindowClient(PlatformConfig config, OneWindowProfile profile) {
        this.config = InvalidValueException.requireNonNull(config, "config");
        this.profile = InvalidValueException.requireNonNull(profile, "profile");
        this.transport = new Transport(profile.channelId(), config, LOG);
        this.tokens = new TokenCache(config.clock(), config.tokenRefreshMargin(), this::login);
    }

    /**
     * @param config configuration
     * @return a client speaking the reference profile
     */
    public static OneWindowClient create(PlatformConfig config) {
        return new OneWindowClient(config, OneWindowProfile.defaults());
    }

    /**
     * @param config  configuration
     * @param profile the platform's profile
     * @return a client
     */
    public static OneWindowClient create(PlatformConfig config, OneWindowProfile profile) {
        return new OneWindowClient(config, profile);
    }

    @Override
    public String id() {
        return profile.channelId();
    }

    /** @return the profile in use */
    public OneWindowProfile profile() {
        return profile;
    }

    /** @return HTTP calls in flight now (for monitoring and leak tests) */
    public int inFlight() {
        return transport.inFlight();
    }

    @Override
    public CompletionStage<SourceResult> retrieve(LicenseQuery query) {
        return ClientSupport.retrieve(id(), LOG, query, (q, c) -> authorise(q, c).thenCompose(useCode -> fetch(q, useCode, c)));
    }

    private CompletableFuture<String> authorise(LicenseQuery q, Cancellation cancellation) {
        OneWindowProfile.Auth a = profile.auth();
        ObjectNode body = purposeBody(q);
        ArrayNode holders = Json.object().arrayNode();
        ObjectNode h = holders.addObject();
        Json.put(h, a.holderId(), q.holder().value());
        Json.put(h, a.holderType(), q.holder().type().code());
        Json.put(h, a.holderName(), q.holderName());
        Json.put(body, a.holders(), holders);
        Json.put(body, a.licenseTypes(), Json.object().arrayNode().add(q.licenseTypeCode()));
        return call("license/auth", profile.paths().auth(), body, false, cancellation).thenApply(env -> {
            if (!env.success()) {
                throw env.failure();
            }
            JsonNode codes = Json.at(env.data(), a.useCodes());
            if (!codes.isArray()) {
                throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "authorisation answer has no '" + a.useCodes() + "' array");
            }
            for (JsonNode c : codes) {
                String type = Json.text(c, a.useCodeLicenseType());
                String code = Json.text(c, a.useCode());
                if (q.licenseTypeCode().equals(type) && code != null && !code.isBlank()) {
                    return code;
                }
            }
            throw CallFailure.of(SourceOutcome.NOT_FOUND, env.code(), "no use code for licence type " + q.licenseTypeCode());
        });
    }

    private CompletableFuture<SourceResult> fetch(LicenseQuery q, String useCode, Cancellation c) {
        ObjectNode body = purposeBody(q);
        Json.put(body, profile.get().useCode(), useCode);
        return call("license/get", profile.paths().get(), body, false, c).thenCompose(env -> {
            JsonNode node = Json.at(env.data(), profile.get().license());
            if (!env.success()) {
                return CompletableFuture.completedFuture(withoutFile(env, node, q));
            }
            License license = LicenseMapper.map(node, profile.license(), null);
            LicenseMapper.requireMatch(license, q);
            SourceOutcome outcome = ClientSupport.outcomeOf(license.status());
            if (outcome != SourceOutcome.FOUND || !q.withFile()) {
                return CompletableFuture.completedFuture(new SourceResult(outcome, license, null, ""));
            }
            return archive(q, useCode, c).thenApply(file -> SourceResult.found(ClientSupport.withFile(license, file)));
        });
    }

    private SourceResult withoutFile(Envelope env, JsonNode node, LicenseQuery q) {
        SourceOutcome o = env.outcome();
        License license = null;
        if (ClientSupport.carriesLicense(o) && node.isObject()) {
            license = LicenseMapper.map(node, profile.license(), null);
            LicenseMapper.requireMatch(license, q);
        }
        CallFailure f = env.failure();
        return new SourceResult(o, license, env.code(), f.getMessage());
    }

    private CompletableFuture<DocumentFile> archive(LicenseQuery q, String useCode, Cancellation c) {
        ObjectNode body = purposeBody(q);
        Json.put(body, profile.archive().useCode(), useCode);
        Json.put(body, profile.archive().fileType(), profile.archive().fileTypeValue());
        return call("license/archive", profile.paths().archive(), body, true, c).thenApply(env -> {
            env.requireSuccess();
            return FileDecoder.decode(Json.at(env.data(), profile.archive().file()), profile.file(), config.maxFileBytes());
        });
    }

    private ObjectNode purposeBody(LicenseQuery q) {
        OneWindowProfile.Purpose p = profile.purpose();
        ObjectNode body = Json.object();
        Json.put(body, p.requestId(), q.requestId());
        Json.put(body, p.itemCode(), q.itemCode());
        Json.put(body, p.bizNo(), q.bizNo());
        Json.put(body, p.operator(), q.operatorId());
        Json.put(body, p.window(), q.windowId());
        Json.put(body, p.purpose(), q.purpose());
        return body;
    }

    /** A data call: with token (refreshed once on rejection), retried as an idempotent query. */
    private CompletableFuture<Envelope> call(String route, String path, ObjectNode body, boolean file, Cancellation c) {
        byte[] bytes = Json.bytes(body);
        return transport.retrying(route, true, () -> tokens.withToken(token -> send(route, path, bytes, token, file, c)), c);
    }

    private CompletableFuture<Envelope> send(String route, String path, byte[] body, String token, boolean file, Cancellation c) {
        OneWindowProfile.Signing s = profile.signing();
        long ts = config.clock().millis();
        String nonce = ClientSupport.nonce();
        String sign = ClientSupport.sign(config, path, ts, nonce, token, body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(s.appKeyHeader(), config.credentials().appKey());
        headers.put(s.timestampHeader(), Long.toString(ts));
        headers.put(s.nonceHeader(), nonce);
        headers.put(s.signatureHeader(), sign);
        headers.put(s.signMethodHeader(), config.signatureAlgorithm().wireName());
        if (token != null) {
            headers.put(s.tokenHeader(), s.tokenPrefix() + token);
        }
        return transport.post(route, path, headers, body, file, c).thenApply(this::parse);
    }

    private Envelope parse(Reply reply) {
        return Envelope.parse(reply, profile.envelope(), profile.statusCodes(), id(), LOG);
    }

    private CompletableFuture<TokenCache.Token> login() {
        OneWindowProfile.Login l = profile.login();
        ObjectNode body = Json.object();
        Json.put(body, l.appKey(), config.credentials().appKey());
        Json.put(body, l.grantType(), l.grantTypeValue());
        byte[] bytes = Json.bytes(body);
        return send("auth/token", profile.paths().token(), bytes, null, false, Cancellation.NONE)
                .thenApply(env -> ClientSupport.token(env, l.token(), l.expiresIn(), id(), config, LOG));
    }

    @Override
    public String toString() {
        return "OneWindowClient[" + profile.name() + ", " + config.baseUrl() + "]";
    }
}
