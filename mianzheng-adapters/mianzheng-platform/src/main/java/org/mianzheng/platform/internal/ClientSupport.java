package org.mianzheng.platform.internal;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.mianzheng.api.DocumentFile;
import org.mianzheng.api.License;
import org.mianzheng.api.LicenseQuery;
import org.mianzheng.api.LicenseStatus;
import org.mianzheng.api.SourceOutcome;
import org.mianzheng.api.SourceResult;
import org.mianzheng.platform.PlatformConfig;
import org.mianzheng.platform.Signatures;
import org.slf4j.Logger;

/**
 * Plumbing the platform clients share around their calls: the retrieval frame (never completes exceptionally, logs
 * the outcome), request signing, the login answer, and licence status and file helpers.
 */
public final class ClientSupport {
    /** Longest token lifetime taken from a login answer (a year; platforms give hours): beyond it the answer is refused. */
    static final long MAX_TOKEN_SECONDS = 366L * 24 * 3600;

    private ClientSupport() {
    }

    /**
     * Runs a retrieval so that the returned stage never completes exceptionally: a null query is a bad request, a
     * thrown or failed call maps to its {@link CallFailure} outcome; logs the outcome (identity numbers masked) at debug.
     *
     * @param channel   the channel id, for the log
     * @param log       the client's logger
     * @param query     the query (may be null)
     * @param retrieval the client's retrieval of a non-null query, whose calls register with the cancellation given
     * @return the result; cancelling it cancels the retrieval's call in flight and every call it has still to make
     */
    public static CompletionStage<SourceResult> retrieve(String channel, Logger log, LicenseQuery query,
            java.util.function.BiFunction<LicenseQuery, Cancellation, CompletableFuture<SourceResult>> retrieval) {
        if (query == null) {
            return CompletableFuture.completedFuture(SourceResult.of(SourceOutcome.BAD_REQUEST, null, "query is null"));
        }
        long t0 = System.nanoTime();
        Cancellation cancellation = new Cancellation();
        CompletableFuture<SourceResult> answer;
        try {
            answer = retrieval.apply(query, cancellation);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<SourceResult> out = answer.handle((result, e) -> {
            SourceResult r = result;
            if (e != null) {
                CallFailure cf = CallFailure.from(e);
                r = SourceResult.of(cf.outcome(), cf.platformCode(), cf.getMessage());
            }
            log.debug("{} retrieve {} holder {} type {} item {} case {}: {}{} in {} ms", channel, query.requestId(), query.holder(),
                    query.licenseTypeCode(), query.itemCode(), query.bizNo(), r.outcome(),
                    r.platformCode() == null ? "" : " (code " + r.platformCode() + ")", (System.nanoTime() - t0) / 1_000_000);
            return r;
        });
        out.whenComplete((r, e) -> {
            if (out.isCancelled()) { // the engine gave up (its deadline): so does the client
                cancellation.cancel();
            }
        });
        return out;
    }

    /**
     * The outcome of finding a licence in a status.
     *
     * @param status the licence's status
     * @return {@code REVOKED}, {@code EXPIRED}, {@code RESTRICTED}, else {@code FOUND}
     */
    public static SourceOutcome outcomeOf(LicenseStatus status) {
        switch (status) {
            case REVOKED:
                return SourceOutcome.REVOKED;
            case EXPIRED:
                return SourceOutcome.EXPIRED;
            case RESTRICTED:
                return SourceOutcome.RESTRICTED;
            default:
                return SourceOutcome.FOUND;
        }
    }

    /**
     * Whether a failed answer with this outcome may still carry the (unusable) licence.
     *
     * @param outcome the answer's outcome
     * @return true for {@code REVOKED}, {@code EXPIRED} and {@code RESTRICTED}
     */
    public static boolean carriesLicense(SourceOutcome outcome) {
        return outcome == SourceOutcome.REVOKED || outcome == SourceOutcome.EXPIRED || outcome == SourceOutcome.RESTRICTED;
    }

    /**
     * The licence with its file.
     *
     * @param l    the licence
     * @param file the file
     * @return a copy of {@code l} carrying {@code file}
     */
    public static License withFile(License l, DocumentFile file) {
        return new License(l.identifier(), l.licenseTypeCode(), l.number(), l.holder(), l.holderName(), l.issuerName(), l.issuedOn(),
                l.validFrom(), l.validUntil(), l.status(), l.surface(), file);
    }

    /**
     * A fresh request nonce (a random UUID without dashes).
     *
     * @return the nonce
     */
    public static String nonce() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * Signs a POST to a path below the configured base URL with the configured algorithm and credentials.
     *
     * @param config    the client's configuration
     * @param path      the path below the base URL
     * @param timestamp epoch milliseconds
     * @param nonce     the request's nonce
     * @param token     the access token, or null
     * @param payload   the signed payload
     * @return the signature
     */
    public static String sign(PlatformConfig config, String path, long timestamp, String nonce, String token, byte[] payload) {
        String fullPath = config.baseUrl().getRawPath() + path;
        return Signatures.sign(config.signatureAlgorithm(), config.credentials().appSecret(),
                Signatures.canonical("POST", fullPath, config.credentials().appKey(), timestamp, nonce, token, payload));
    }

    /**
     * Reads a login answer: the token and its lifetime in seconds; logs the login at info.
     *
     * @param env          the login answer
     * @param tokenField   the token's field
     * @param expiresField the lifetime's field
     * @param channel      the channel id, for the log
     * @param config       the client's configuration (app key, clock)
     * @param log          the client's logger
     * @return the token
     * @throws CallFailure if the answer is not a success or lacks either field
     */
    public static TokenCache.Token token(Envelope env, String tokenField, String expiresField, String channel, PlatformConfig config,
            Logger log) {
        env.requireSuccess();
        String token = Json.text(env.data(), tokenField);
        String expires = Json.text(env.data(), expiresField);
        if (token == null || token.isBlank() || expires == null) {
            throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "login answer lacks '" + tokenField + "' or '" + expiresField + "'");
        }
        int bad = HeaderText.firstUnsendable(token, false); // it goes into a request header
        if (bad >= 0) {
            throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "login answer's '" + tokenField + "' has a character a header cannot carry (at "
                    + bad + ")");
        }
        long seconds;
        try {
            seconds = Long.parseLong(expires.strip());
        } catch (NumberFormatException e) {
            throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "login answer's '" + expiresField + "' is not a number");
        }
        if (seconds < 0 || seconds > MAX_TOKEN_SECONDS) {
            throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "login answer's '" + expiresField + "' of " + seconds
                    + " s is outside 0 to " + MAX_TOKEN_SECONDS + " s");
        }
        log.info("{}: logged in as {}, token valid {} s", channel, config.credentials().appKey(), seconds);
        return new TokenCache.Token(token, config.clock().instant().plus(Duration.ofSeconds(seconds)));
    }
}
