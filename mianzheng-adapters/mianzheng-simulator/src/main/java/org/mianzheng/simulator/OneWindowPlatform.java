package org.mianzheng.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.mianzheng.api.HolderId;
import org.mianzheng.api.MianzhengException;
import org.mianzheng.platform.Signatures;

/** The onewindow reference profile: headers signed over the raw body, envelope {ack_code, errors, data, ...}. */
final class OneWindowPlatform extends PlatformSupport {
    static final String OK = "0000";
    static final String TOKEN_INVALID = "1001";
    static final String SIGNATURE_INVALID = "1002";
    static final String APP_UNKNOWN = "1003";
    static final String NOT_FOUND = "2001";
    static final String USE_CODE_INVALID = "3002";
    static final String REQUIRED_MISSING = "4001";
    static final String BAD_VALUE = "4002";

    private final Map<String, SampleLicense> useCodes = new ConcurrentHashMap<>();

    OneWindowPlatform(SimulatorConfig config, SampleData data) {
        super(config, config.oneWindow(), data);
    }

    @Override
    Answer authenticationFailure() {
        return envelope(TOKEN_INVALID, "access token invalid or expired", null);
    }

    @Override
    Answer process(Route route, String fullPath, Map<String, String> h, byte[] body, Fault fault, Consumer<SeenCall> seen) {
        String auth = h.get("authorization");
        String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
        String problem = checkSignature(fullPath, h.get("x-app-key"), h.get("x-timestamp"), h.get("x-nonce"), token, h.get("x-sign-method"),
                h.get("x-signature"), body);
        if (problem != null) {
            return envelope(problem.equals("unknown app key") ? APP_UNKNOWN : SIGNATURE_INVALID, problem, null);
        }
        JsonNode req;
        try {
            req = MAPPER.readTree(body);
        } catch (IOException e) {
            return envelope(BAD_VALUE, "body is not JSON", null);
        }
        if (req == null || !req.isObject()) {
            return envelope(BAD_VALUE, "body is not a JSON object", null);
        }
        if (route == Route.ONEWINDOW_TOKEN) {
            if (!credentials.appKey().equals(text(req, "app_key")) || !"client_credentials".equals(text(req, "grant_type"))) {
                return envelope(REQUIRED_MISSING, "app_key and grant_type=client_credentials required", null);
            }
            ObjectNode d = object();
            d.put("access_token", issueToken());
            d.put("expires_in", ttlSeconds());
            return envelope(OK, "ok", d);
        }
        if (!tokenValid(token)) {
            return envelope(TOKEN_INVALID, "access token invalid or expired", null);
        }
        seen.accept(new SeenCall(route, clock.instant(), text(req, "item_code"), text(req, "biz_no"), text(req, "operator_id"), text(req, "window_id"),
                text(req, "use_purpose")));
        for (String f : new String[]{"request_id", "item_code", "biz_no", "operator_id", "window_id", "use_purpose"}) {
            if (text(req, f) == null) {
                return envelope(REQUIRED_MISSING, f + " is required", null);
            }
        }
        try {
            switch (route) {
                case ONEWINDOW_AUTH:
                    return authorise(req);
                case ONEWINDOW_GET:
                    return get(req, fault);
                case ONEWINDOW_ARCHIVE:
                    return archive(req, fault);
                default:
                    return envelope(BAD_VALUE, "unknown route", null);
            }
        } catch (MianzhengException e) {
            return envelope(BAD_VALUE, "bad value", null);
        }
    }

    private Answer authorise(JsonNode req) {
        JsonNode holders = req.get("holders");
        JsonNode types = req.get("license_type_codes");
        if (holders == null || !holders.isArray() || holders.size() == 0 || types == null || !types.isArray() || types.size() == 0) {
            return envelope(REQUIRED_MISSING, "holders and license_type_codes are required", null);
        }
        JsonNode h0 = holders.get(0);
        String type = text(h0, "holder_type");
        String id = text(h0, "holder_id");
        if (type == null || id == null || text(h0, "holder_name") == null) {
            return envelope(REQUIRED_MISSING, "holder_id, holder_type and holder_name are required", null);
        }
        HolderId holder = holder(type, id);
        ArrayNode codes = MAPPER.createArrayNode();
        for (JsonNode t : types) {
            Optional<SampleLicense> l = data.license(holder, t.asText());
            if (l.isPresent()) {
                String code = "UC" + UUID.randomUUID().toString().replace("-", "");
                useCodes.put(code, l.get());
                ObjectNode c = codes.addObject();
                c.put("license_type_code", t.asText());
                c.put("use_code", code);
            }
        }
        if (codes.size() == 0) {
            return envelope(NOT_FOUND, "no licence of the requested types", null);
        }
        ObjectNode d = object();
        d.set("use_codes", codes);
        return envelope(OK, "ok", d);
    }

    private Answer get(JsonNode req, Fault fault) {
        SampleLicense l = useCodes.get(String.valueOf(text(req, "use_code")));
        if (l == null) {
            return envelope(USE_CODE_INVALID, "use code invalid", null);
        }
        SampleHolder h = fault != null && fault.kind() == Fault.Kind.WRONG_HOLDER ? data.other(l.holder().id()) : l.holder();
        ObjectNode lic = object();
        lic.put("license_id", l.identifier().format());
        lic.put("license_number", l.number());
        lic.put("license_type_code", l.typeCode());
        lic.put("license_name", l.typeName());
        lic.put("holder_id", h.id().value());
        lic.put("holder_type", h.id().type().code());
        lic.put("holder_name", h.name());
        lic.put("issuer_name", l.issuerName());
        lic.put("issue_date", date(l.issuedOn()));
        lic.put("valid_from", date(l.validFrom()));
        lic.put("valid_until", l.validUntil() == null ? "长期" : date(l.validUntil()));
        lic.put("license_status", l.status().name());
        ObjectNode surface = lic.putObject("surface_data");
        l.surface().forEach(surface::put);
        ObjectNode d = object();
        d.set("license", lic);
        return envelope(OK, "ok", d);
    }

    private Answer archive(JsonNode req, Fault fault) {
        SampleLicense l = useCodes.get(String.valueOf(text(req, "use_code")));
        if (l == null) {
            return envelope(USE_CODE_INVALID, "use code invalid", null);
        }
        byte[] file = l.file();
        ObjectNode d = object();
        d.put("file_type", l.fileType().name().toLowerCase(java.util.Locale.ROOT));
        d.put("file_content", b64(fault != null && fault.kind() == Fault.Kind.CORRUPT_FILE ? corrupt(file) : file));
        d.put("file_sha256", l.sha256());
        d.put("file_size", file.length);
        return envelope(OK, "ok", d);
    }

    @Override
    Answer envelope(String code, String message, JsonNode data) {
        ObjectNode env = object();
        env.put("ack_code", code);
        ArrayNode errors = env.putArray("errors");
        if (!OK.equals(code)) {
            errors.addObject().put("code", code).put("message", message);
        }
        if (data == null) {
            env.putNull("data");
        } else {
            env.set("data", data);
        }
        String correlation = UUID.randomUUID().toString();
        env.put("correlation_id", correlation);
        long ts = clock.millis();
        env.put("timestamp", ts);
        env.put("sign", Signatures.sign(config.signatureAlgorithm(), credentials.appSecret(),
                correlation + "\n" + ts + "\n" + new String(Signatures.canonicalJson(data), java.nio.charset.StandardCharsets.UTF_8)));
        return Answer.json(200, bytes(env));
    }
}
