package org.mianzheng.platform.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.mianzheng.api.SourceOutcome;
import org.mianzheng.platform.EnvelopeFields;
import org.mianzheng.platform.StatusTable;
import org.slf4j.Logger;

/**
 * A parsed answer envelope.
 *
 * @param code    the platform's status code
 * @param outcome {@code null} on success, else the mapped outcome
 * @param message the platform's message, redacted
 * @param data    the payload (possibly a missing node)
 */
public record Envelope(String code, SourceOutcome outcome, String message, JsonNode data) {

    /**
     * Parses a reply. Fails (with a {@link CallFailure}) for anything that is neither success nor a known code:
     * not JSON, no status, an unknown status (reported with its code), HTTP 5xx/429 (UNAVAILABLE).
     *
     * @param reply   the reply
     * @param fields  envelope fields
     * @param table   status table
     * @param channel channel id for logs
     * @param log     logger
     * @return the envelope, success or a known outcome
     */
    public static Envelope parse(Reply reply, EnvelopeFields fields, StatusTable table, String channel, Logger log) {
        int http = reply.status();
        boolean ok = http >= 200 && http < 300;
        JsonNode root;
        try {
            root = Json.parseObject(reply.body());
        } catch (CallFailure e) {
            if (!ok) {
                throw Transport.httpFailure(http, reply.headers());
            }
            throw e;
        }
        String code = Json.text(root, fields.status());
        String message = message(root, fields);
        if (http == 429 || http >= 500) {
            // any status text may come with an overloaded platform's answer: only a code of the table is shown as it is
            String shown = code == null || table.isSuccess(code) || table.outcome(code).isPresent() ? code : Redact.text(code);
            throw new CallFailure(SourceOutcome.UNAVAILABLE, shown, "HTTP " + http + (shown == null ? "" : ", platform status " + shown), false,
                    Transport.retryAfter(reply.headers()));
        }
        if (code == null) {
            if (!ok) {
                throw Transport.httpFailure(http, reply.headers());
            }
            throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "answer has no status code at '" + fields.status() + "'");
        }
        if (table.isSuccess(code)) {
            if (!ok) {
                throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, code, "success status with HTTP " + http);
            }
            return new Envelope(code, null, message, Json.at(root, fields.data()));
        }
        SourceOutcome outcome = table.outcome(code).orElse(null);
        if (outcome == null) {
            log.warn("{}: unknown platform status code {} (HTTP {}): {}", channel, Redact.text(code), http, message);
            throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, Redact.text(code), "unknown platform status code " + Redact.text(code)
                    + (message.isEmpty() ? "" : ": " + message));
        }
        if (outcome == SourceOutcome.UNAVAILABLE || outcome == SourceOutcome.TIMEOUT) {
            // "system busy" and the like: thrown, so that idempotent calls are retried
            throw new CallFailure(outcome, code, "platform status " + code + (message.isEmpty() ? "" : ": " + message), false,
                    Transport.retryAfter(reply.headers()));
        }
        if (outcome == SourceOutcome.AUTHENTICATION_FAILED) {
            throw new CallFailure(outcome, code, "platform status " + code + (message.isEmpty() ? "" : ": " + message),
                    table.tokenRejected().contains(code) || http == 401, null);
        }
        return new Envelope(code, outcome, message, Json.at(root, fields.data()));
    }

    private static String message(JsonNode root, EnvelopeFields f) {
        String m = Json.text(root, f.message());
        if ((m == null || m.isBlank()) && !f.errors().isEmpty()) {
            JsonNode errors = Json.at(root, f.errors());
            if (errors.isArray() && errors.size() > 0) {
                m = Json.text(errors.get(0), f.errorMessage());
            }
        }
        return Redact.text(m);
    }

    /** @return whether the platform answered success */
    public boolean success() {
        return outcome == null;
    }

    /**
     * @return this if success
     * @throws CallFailure with the outcome otherwise
     */
    public Envelope requireSuccess() {
        if (outcome != null) {
            throw failure();
        }
        return this;
    }

    /** @return the failure this envelope stands for */
    public CallFailure failure() {
        return CallFailure.of(outcome, code, "platform status " + code + (message.isEmpty() ? "" : ": " + message));
    }
}
