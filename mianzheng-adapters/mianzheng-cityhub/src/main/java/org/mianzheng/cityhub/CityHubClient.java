package org.mianzheng.cityhub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.mianzheng.api.ChannelException;
import org.mianzheng.api.Codes;
import org.mianzheng.api.DirectedRequest;
import org.mianzheng.api.DirectedStatus;
import org.mianzheng.api.DocumentFile;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.License;
import org.mianzheng.api.LicenseQuery;
import org.mianzheng.api.LicenseStatus;
import org.mianzheng.api.MianzhengException;
import org.mianzheng.api.SourceOutcome;
import org.mianzheng.api.SourceResult;
import org.mianzheng.api.WorkOrderState;
import org.mianzheng.api.spi.DirectedRequestChannel;
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
import org.mianzheng.platform.internal.Redact;
import org.mianzheng.platform.internal.TokenCache;
import org.mianzheng.platform.internal.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client of a cityhub-style platform: a {@link LicenseSource} (query by holder, then download the file when asked),
 * data verification ({@link #verify}), and a {@link DirectedRequestChannel} (create, query, result, cancel).
 *
 * <p>Every request is an envelope {@code {"head":{accessId, accessToken, requestId, timestamp, sign, signMethod},
 * "data":{…}}} signed over the canonical JSON of {@code data} (see {@link Signatures}), and carries the purpose
 * ({@code useCause}: item, case, operator, window, purpose). Queries are retried within the retry policy;
 * {@link #submit} is never retried blindly: it sends the order id as idempotency key and, after a timeout or a lost
 * connection, asks the desk by order id before it sends once more. {@link #retrieve} never completes exceptionally;
 * directed calls fail with {@link ChannelException}. Thread-safe; starts no threads; logs identity numbers masked.
 *
 * <pre>{@code
 * PlatformConfig config = PlatformConfig.builder(URI.create("https://cityhub.example/ch"),
 *         new PlatformCredentials("access-id", secret)).build();
 * CityHubClient cityhub = CityHubClient.create(config);   // or create(config, CityHubProfile.fromJson(in))
 * }</pre>
 */
public final class CityHubClient implements LicenseSource, DirectedRequestChannel {
    private static final Logger LOG = LoggerFactory.getLogger(CityHubClient.class);

    private final PlatformConfig config;
    private final CityHubProfile profile;
    private final Transport transport;
    private final TokenCache tokens;

    private CityHubClient(PlatformConfig config, CityHubProfile profile) {
        this.config = InvalidValueException.requireNonNull(config, "config");
        this.profile = InvalidValueException.requireNonNull(profile, "profile");
        this.transport = new Transport(profile.channelId(), config, LOG);
        this.tokens = new TokenCache(config.clock(), config.tokenRefreshMargin(), this::login);
    }

    /**
     * @param config configuration
     * @return a client speaking the reference profile
     */
    public static CityHubClient create(PlatformConfig config) {
        return new CityHubClient(config, CityHubProfile.defaults());
    }

    /**
     * @param config  configuration
     * @param profile the platform's profile
     * @return a client
     */
    public static CityHubClient create(PlatformConfig config, CityHubProfile profile) {
        return new CityHubClient(config, profile);
    }

    @Override
    public String id() {
        return profile.channelId();
    }

    /** @return the profile in use */
    public CityHubProfile profile() {
        return profile;
    }

    /** @return HTTP calls in flight now */
    public int inFlight() {
        return transport.inFlight();
    }

    // ------------------------------------------------------------------ licences

    @Override
    public CompletionStage<SourceResult> retrieve(LicenseQuery query) {
        return ClientSupport.retrieve(id(), LOG, query,
                (q, c) -> call("license/query", profile.paths().query(), holderData(q, purpose(q)), true, false, c).thenCompose(env -> found(q, env, c)));
    }

    private CompletableFuture<SourceResult> found(LicenseQuery q, Envelope env, Cancellation c) {
        JsonNode list = Json.at(env.data(), profile.query().licenses());
        if (!env.success()) {
            License license = null;
            SourceOutcome o = env.outcome();
            if (ClientSupport.carriesLicense(o) && list.isArray() && list.size() > 0) {
                license = LicenseMapper.map(list.get(0), profile.license(), null);
                LicenseMapper.requireMatch(license, q);
            }
            return CompletableFuture.completedFuture(new SourceResult(o, license, env.code(), env.failure().getMessage()));
        }
        if (!list.isArray()) {
            throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "query answer has no '" + profile.query().licenses() + "' array");
        }
        if (list.size() == 0) {
            return CompletableFuture.completedFuture(SourceResult.of(SourceOutcome.NOT_FOUND, env.code(), "the platform listed no licence"));
        }
        // several licences of the type (an old one and its renewal, say): the one usable today, else one valid by
        // status, else the first; among equals, the one valid longest (no end date first)
        java.time.LocalDate today = java.time.LocalDate.now(config.clock().withZone(CHINA));
        License chosen = null;
        for (JsonNode n : list) {
            License l = LicenseMapper.map(n, profile.license(), null);
            LicenseMapper.requireMatch(l, q);
            if (chosen == null || better(l, chosen, today)) {
                chosen = l;
            }
        }
        SourceOutcome outcome = ClientSupport.outcomeOf(chosen.status());
        if (outcome != SourceOutcome.FOUND || !q.withFile()) {
            return CompletableFuture.completedFuture(new SourceResult(outcome, chosen, null, ""));
        }
        License l = chosen;
        return download(q, l, c).thenApply(file -> SourceResult.found(ClientSupport.withFile(l, file)));
    }

    /** The platforms' dates are Beijing dates. */
    private static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");

    private static boolean better(License l, License than, java.time.LocalDate today) {
        int rank = rank(l, today);
        int thanRank = rank(than, today);
        if (rank != thanRank) {
            return rank < thanRank;
        }
        if (l.validUntil() == null || than.validUntil() == null) {
            return l.validUntil() == null && than.validUntil() != null;
        }
        return l.validUntil().isAfter(than.validUntil());
    }

    private static int rank(License l, java.time.LocalDate today) {
        return l.usableOn(today) ? 0 : l.status() == LicenseStatus.VALID ? 1 : 2;
    }

    private CompletableFuture<DocumentFile> download(LicenseQuery q, License l, Cancellation c) {
        CityHubProfile.Download d = profile.download();
        ObjectNode data = purpose(q);
        if (l.identifier() != null) {
            Json.put(data, d.certId(), l.identifier().format());
        }
        Json.put(data, d.certNo(), l.number());
        Json.put(data, d.fileType(), d.fileTypeValue());
        return call("license/download", profile.paths().download(), data, true, true, c).thenApply(env -> {
            env.requireSuccess();
            return FileDecoder.decode(Json.at(env.data(), d.file()), profile.file(), config.maxFileBytes());
        });
    }

    /**
     * 数据核验: asks the platform whether declared values match its data for the holder's licence of the type.
     * Never completes exceptionally.
     *
     * @param query    holder, type and purpose ({@code withFile} is ignored)
     * @param declared field → declared value (surface field names of the platform)
     * @return the comparison
     */
    public CompletionStage<VerificationResult> verify(LicenseQuery query, Map<String, String> declared) {
        CompletableFuture<VerificationResult> answer;
        try {
            InvalidValueException.requireNonNull(query, "query");
            InvalidValueException.requireNonNull(declared, "declared");
            ObjectNode data = holderData(query, purpose(query));
            ObjectNode fields = Json.object();
            declared.forEach(fields::put);
            Json.put(data, profile.verify().fields(), fields);
            answer = call("license/verify", profile.paths().verify(), data, true, false).thenApply(env -> {
                if (!env.success()) {
                    return new VerificationResult(env.outcome(), Map.of(), env.code(), env.failure().getMessage());
                }
                JsonNode m = Json.at(env.data(), profile.verify().matches());
                if (!m.isObject()) {
                    throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "verification answer has no '" + profile.verify().matches() + "' object");
                }
                Map<String, Boolean> matches = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> e : m.properties()) {
                    if (!e.getValue().isBoolean()) {
                        throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "verification match of '" + Redact.text(e.getKey()) + "' is not a boolean");
                    }
                    if (!declared.containsKey(e.getKey())) {
                        throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "verification answer compares '" + Redact.text(e.getKey())
                                + "', which was not declared");
                    }
                    matches.put(e.getKey(), e.getValue().booleanValue());
                }
                if (!matches.keySet().equals(declared.keySet())) { // a field not compared is not a match: allMatch() must not say so
                    java.util.Set<String> missing = new java.util.TreeSet<>(declared.keySet());
                    missing.removeAll(matches.keySet());
                    throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "verification answer does not compare " + Redact.text(String.join(", ", missing)));
                }
                return new VerificationResult(SourceOutcome.FOUND, matches, env.code(), "");
            });
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return answer.exceptionally(e -> {
            CallFailure cf = CallFailure.from(e);
            return new VerificationResult(cf.outcome(), Map.of(), cf.platformCode(), cf.getMessage());
        });
    }

    private ObjectNode holderData(LicenseQuery q, ObjectNode data) {
        CityHubProfile.Query f = profile.query();
        Json.put(data, f.holderCode(), q.holder().value());
        Json.put(data, f.holderTypeCode(), q.holder().type().code());
        Json.put(data, f.holderName(), q.holderName());
        Json.put(data, f.certTypeCode(), q.licenseTypeCode());
        return data;
    }

    private ObjectNode purpose(LicenseQuery q) {
        return useCause(q.itemCode(), q.bizNo(), q.operatorId(), q.windowId(), q.purpose());
    }

    private ObjectNode useCause(String itemCode, String bizNo, String operator, String window, String purpose) {
        CityHubProfile.UseCause u = profile.useCause();
        ObjectNode uc = Json.object();
        Json.put(uc, u.itemCode(), itemCode);
        Json.put(uc, u.bizNo(), bizNo);
        if (operator != null) {
            Json.put(uc, u.operator(), operator);
        }
        if (window != null) {
            Json.put(uc, u.window(), window);
        }
        Json.put(uc, u.purpose(), purpose);
        ObjectNode data = Json.object();
        Json.put(data, u.object(), uc);
        return data;
    }

    // ------------------------------------------------------------------ directed requests

    @Override
    public CompletionStage<DirectedStatus> submit(DirectedRequest request) {
        CompletableFuture<DirectedStatus> answer;
        try {
            InvalidValueException.requireNonNull(request, "request");
            ObjectNode data = createData(request);
            answer = directedCall("directed/create", profile.paths().directedCreate(), data, false, null, request.orderId(), false).handle((status, e) -> {
                if (e == null) {
                    return CompletableFuture.completedFuture(status);
                }
                CallFailure cf = CallFailure.from(e);
                // no answer, or one that could not be read (cut off after its headers, say): the desk may hold the order
                // now, so it is asked by order id before anything is sent again; a refusal it gave is final
                if (cf.outcome() != SourceOutcome.TIMEOUT && cf.outcome() != SourceOutcome.UNAVAILABLE
                        && cf.outcome() != SourceOutcome.MALFORMED_RESPONSE) {
                    return CompletableFuture.<DirectedStatus>failedFuture(cf);
                }
                LOG.info("{} submit {}: {} — asking the desk by order id before sending again", id(), request.orderId(), cf.outcome());
                return statusByOrderId(request).handle((found, e2) -> {
                    if (e2 == null) {
                        return CompletableFuture.completedFuture(found);
                    }
                    CallFailure q = CallFailure.from(e2);
                    if (q.outcome() == SourceOutcome.NOT_FOUND) {
                        LOG.info("{} submit {}: the desk does not know the order; sending it once more", id(), request.orderId());
                        return directedCall("directed/create", profile.paths().directedCreate(), data, false, null, request.orderId(), false);
                    }
                    LOG.info("{} submit {}: asking by order id failed too ({}); not sending again", id(), request.orderId(), q.outcome());
                    return CompletableFuture.<DirectedStatus>failedFuture(cf);
                }).thenCompose(f -> f);
            }).thenCompose(f -> f);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return typed(answer, "submit");
    }

    private CompletableFuture<DirectedStatus> statusByOrderId(DirectedRequest r) {
        ObjectNode data = useCause(r.itemCode(), r.bizNo(), null, null, r.purpose());
        Json.put(data, profile.directed().orderId(), r.orderId());
        return directedCall("directed/query", profile.paths().directedQuery(), data, true, null, r.orderId(), true);
    }

    private ObjectNode createData(DirectedRequest r) {
        CityHubProfile.Directed d = profile.directed();
        ObjectNode data = useCause(r.itemCode(), r.bizNo(), null, null, r.purpose());
        Json.put(data, d.orderId(), r.orderId());
        Json.put(data, d.kind(), r.kind().name());
        Json.put(data, d.origin(), r.origin().name());
        Json.put(data, d.complexity(), r.complexity().name());
        Json.put(data, d.department(), r.departmentCode());
        Json.put(data, d.materialCode(), r.materialCode());
        Json.put(data, d.materialName(), r.materialName());
        Json.put(data, d.applicantCode(), r.applicant().value());
        Json.put(data, d.applicantTypeCode(), r.applicant().type().code());
        Json.put(data, d.applicantName(), r.applicantName());
        return data;
    }

    @Override
    public CompletionStage<DirectedStatus> status(String externalId) {
        CompletableFuture<DirectedStatus> answer;
        try {
            answer = directedCall("directed/query", profile.paths().directedQuery(), byRequestNo(externalId), true, externalId, null, false);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return typed(answer, "status");
    }

    @Override
    public CompletionStage<DocumentFile> result(String externalId) {
        CompletableFuture<DocumentFile> answer;
        try {
            answer = call("directed/result", profile.paths().directedResult(), byRequestNo(externalId), true, true).thenApply(env -> {
                env.requireSuccess();
                return FileDecoder.decode(Json.at(env.data(), profile.directed().file()), profile.file(), config.maxFileBytes());
            });
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return typed(answer, "result");
    }

    @Override
    public CompletionStage<DirectedStatus> cancel(String externalId, String reason) {
        CompletableFuture<DirectedStatus> answer;
        try {
            ObjectNode data = byRequestNo(externalId);
            Json.put(data, profile.directed().cancelReason(), InvalidValueException.requireText(reason, "reason"));
            answer = directedCall("directed/cancel", profile.paths().directedCancel(), data, false, externalId, null, false);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return typed(answer, "cancel");
    }

    private ObjectNode byRequestNo(String externalId) {
        ObjectNode data = Json.object();
        Json.put(data, profile.directed().requestNo(), Codes.require(externalId, "externalId"));
        return data;
    }

    /**
     * A directed call whose answer is a request's status, tied to what was asked: an answer about another request (or
     * another order) is refused as malformed, never applied to the order asked about.
     *
     * @param askedRequestNo  the desk's request number asked about, which the answer must name; or {@code null}
     * @param askedOrderId    the engine's order id asked about; or {@code null}
     * @param orderIdRequired whether the answer must echo the order id (else: if it names one, it must be that one)
     */
    private CompletableFuture<DirectedStatus> directedCall(String route, String path, ObjectNode data, boolean idempotent, String askedRequestNo,
                                                           String askedOrderId, boolean orderIdRequired) {
        return call(route, path, data, idempotent, false).thenApply(env -> {
            JsonNode answer = env.requireSuccess().data();
            DirectedStatus status = parseStatus(answer);
            if (askedRequestNo != null && !askedRequestNo.equals(status.externalId())) {
                throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "directed answer is about request " + Redact.text(status.externalId())
                        + ", asked about " + askedRequestNo);
            }
            if (askedOrderId != null) {
                String echoed = Json.text(answer, profile.directed().orderId());
                if (echoed == null ? orderIdRequired : !askedOrderId.equals(echoed)) {
                    throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "directed answer is about order "
                            + (echoed == null ? "(none named)" : Redact.text(echoed)) + ", asked about " + askedOrderId);
                }
            }
            return status;
        });
    }

    private DirectedStatus parseStatus(JsonNode data) {
        CityHubProfile.Directed d = profile.directed();
        String requestNo = Json.text(data, d.requestNo());
        String stateText = Json.text(data, d.state());
        WorkOrderState state = stateText == null ? null : d.stateValues().get(stateText);
        if (requestNo == null || state == null) {
            throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "directed answer lacks '" + d.requestNo() + "' or a known '" + d.state() + "'");
        }
        String updated = Json.text(data, d.updatedAt());
        try {
            Instant at = Instant.parse(updated == null ? "" : updated);
            return new DirectedStatus(requestNo, state, Json.text(data, d.returnReason()), Json.text(data, d.transferSuggestion()), at);
        } catch (DateTimeParseException e) {
            throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "directed answer's '" + d.updatedAt() + "' is not an ISO-8601 instant");
        } catch (MianzhengException e) {
            throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "invalid directed answer: " + e.getMessage());
        }
    }

    private <T> CompletionStage<T> typed(CompletableFuture<T> f, String op) {
        return f.handle((v, e) -> {
            if (e == null) {
                return CompletableFuture.completedFuture(v);
            }
            Throwable c = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
            if (c instanceof ChannelException) {
                return CompletableFuture.<T>failedFuture(c);
            }
            CallFailure cf = CallFailure.from(c);
            if (c instanceof MianzhengException && !(c instanceof CallFailure)) {
                cf = CallFailure.of(SourceOutcome.BAD_REQUEST, c.getMessage());
            }
            LOG.debug("{} {}: {} {}", id(), op, cf.outcome(), cf.getMessage());
            return CompletableFuture.<T>failedFuture(new ChannelException(id(), cf.outcome(), cf.platformCode(), op + ": " + cf.getMessage()));
        }).thenCompose(x -> x);
    }

    // ------------------------------------------------------------------ transport

    private CompletableFuture<Envelope> call(String route, String path, ObjectNode data, boolean idempotent, boolean file) {
        return call(route, path, data, idempotent, file, Cancellation.NONE);
    }

    private CompletableFuture<Envelope> call(String route, String path, ObjectNode data, boolean idempotent, boolean file, Cancellation c) {
        return transport.retrying(route, idempotent, () -> tokens.withToken(token -> send(route, path, data, token, file, c)), c);
    }

    private CompletableFuture<Envelope> send(String route, String path, ObjectNode data, String token, boolean file, Cancellation c) {
        CityHubProfile.Head h = profile.head();
        long ts = config.clock().millis();
        String requestId = ClientSupport.nonce();
        String sign = ClientSupport.sign(config, path, ts, requestId, token, Signatures.canonicalJson(data));
        ObjectNode body = Json.object();
        Json.put(body, h.accessId(), config.credentials().appKey());
        if (token != null) {
            Json.put(body, h.accessToken(), token);
        }
        Json.put(body, h.requestId(), requestId);
        Json.put(body, h.timestamp(), Long.toString(ts));
        Json.put(body, h.sign(), sign);
        Json.put(body, h.signMethod(), config.signatureAlgorithm().wireName());
        Json.put(body, h.data(), data);
        return transport.post(route, path, Map.of(), Json.bytes(body), file, c)
                .thenApply(reply -> Envelope.parse(reply, profile.envelope(), profile.statusCodes(), id(), LOG));
    }

    private CompletableFuture<TokenCache.Token> login() {
        CityHubProfile.Login l = profile.login();
        ObjectNode data = Json.object();
        Json.put(data, l.grantType(), l.grantTypeValue());
        return send("auth/token", profile.paths().token(), data, null, false, Cancellation.NONE)
                .thenApply(env -> ClientSupport.token(env, l.token(), l.expiresIn(), id(), config, LOG));
    }

    @Override
    public String toString() {
        return "CityHubClient[" + profile.name() + ", " + config.baseUrl() + "]";
    }
}
