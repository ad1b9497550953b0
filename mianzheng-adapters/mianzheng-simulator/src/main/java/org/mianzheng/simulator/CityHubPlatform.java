package org.mianzheng.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.mianzheng.api.FileType;
import org.mianzheng.api.HolderId;
import org.mianzheng.api.HolderIdType;
import org.mianzheng.api.MianzhengException;
import org.mianzheng.api.WorkOrderState;
import org.mianzheng.platform.Signatures;

/** The cityhub reference profile: {"head":{…},"data":{…}} signed over the canonical JSON of data. */
final class CityHubPlatform extends PlatformSupport {
    static final String OK = "0";
    static final String NO_MATCH = "10";
    static final String AUTH_FAILED = "11";
    static final String REQUIRED_EMPTY = "12";
    static final String TYPE_MISSING = "13";
    static final String REVOKED = "21";
    static final String EXPIRED = "22";
    static final String RESTRICTED = "23";
    static final String BAD_VALUE = "102";
    static final String BAD_HOLDER_TYPE = "103";
    static final String BAD_TYPE_CODE = "113";

    private final Desk desk;

    CityHubPlatform(SimulatorConfig config, SampleData data, Desk desk) {
        super(config, config.cityHub(), data);
        this.desk = desk;
    }

    @Override
    Answer authenticationFailure() {
        return envelope(AUTH_FAILED, "authentication failed", null);
    }

    @Override
    Answer process(Route route, String fullPath, Map<String, String> h, byte[] body, Fault fault, Consumer<SeenCall> seen) {
        JsonNode req;
        try {
            req = MAPPER.readTree(body);
        } catch (IOException e) {
            return envelope(BAD_VALUE, "body is not JSON", null);
        }
        JsonNode head = req == null ? null : req.get("head");
        JsonNode d = req == null ? null : req.get("data");
        if (head == null || !head.isObject() || d == null || !d.isObject()) {
            return envelope(REQUIRED_EMPTY, "head and data are required", null);
        }
        String token = text(head, "accessToken");
        String problem = checkSignature(fullPath, text(head, "accessId"), text(head, "timestamp"), text(head, "requestId"), token,
                text(head, "signMethod"), text(head, "sign"), Signatures.canonicalJson(d));
        if (problem != null) {
            return envelope(AUTH_FAILED, problem, null);
        }
        if (route == Route.CITYHUB_TOKEN) {
            if (!"client_credentials".equals(text(d, "grantType"))) {
                return envelope(REQUIRED_EMPTY, "grantType is required", null);
            }
            ObjectNode out = object();
            out.put("accessToken", issueToken());
            out.put("expiresIn", ttlSeconds());
            return envelope(OK, "成功", out);
        }
        if (!tokenValid(token)) {
            return envelope(AUTH_FAILED, "access token invalid or expired", null);
        }
        JsonNode uc = d.get("useCause");
        seen.accept(new SeenCall(route, clock.instant(), text(uc, "itemCode"), text(uc, "bizNo"), text(uc, "operatorId"), text(uc, "windowId"),
                text(uc, "purpose")));
        boolean licenceRoute = route == Route.CITYHUB_QUERY || route == Route.CITYHUB_DOWNLOAD || route == Route.CITYHUB_VERIFY;
        boolean needsCause = licenceRoute || route == Route.CITYHUB_DIRECTED_CREATE;
        if (needsCause && (text(uc, "itemCode") == null || text(uc, "bizNo") == null || text(uc, "purpose") == null
                || licenceRoute && (text(uc, "operatorId") == null || text(uc, "windowId") == null))) {
            return envelope(REQUIRED_EMPTY, "useCause (itemCode, bizNo, operatorId, windowId, purpose) is required", null);
        }
        try {
            switch (route) {
                case CITYHUB_QUERY:
                    return query(d, fault);
                case CITYHUB_DOWNLOAD:
                    return download(d, fault);
                case CITYHUB_VERIFY:
                    return verify(d);
                case CITYHUB_DIRECTED_CREATE:
                    return create(d);
                case CITYHUB_DIRECTED_QUERY:
                    return directedQuery(d);
                case CITYHUB_DIRECTED_RESULT:
                    return result(d, fault);
                case CITYHUB_DIRECTED_CANCEL:
                    return cancel(d);
                default:
                    return envelope(BAD_VALUE, "unknown route", null);
            }
        } catch (MianzhengException e) {
            return envelope(BAD_VALUE, "bad value", null);
        }
    }

    private Object holderOrAnswer(JsonNode d) {
        String typeCode = text(d, "holderTypeCode");
        String code = text(d, "holderCode");
        String cert = text(d, "certTypeCode");
        if (code == null || typeCode == null || text(d, "holderName") == null) {
            return envelope(REQUIRED_EMPTY, "holderCode, holderTypeCode and holderName are required", null);
        }
        if (cert == null) {
            return envelope(TYPE_MISSING, "certTypeCode is required", null);
        }
        if (!typeCode.equals("111") && !typeCode.equals("001") && !typeCode.equals("999")) {
            return envelope(BAD_HOLDER_TYPE, "holderTypeCode must be 111, 001 or 999", null);
        }
        if (!data.licenseTypes().containsKey(cert)) {
            return envelope(BAD_TYPE_CODE, "unknown certTypeCode", null);
        }
        return new HolderId(HolderIdType.ofCode(typeCode), code);
    }

    private Answer query(JsonNode d, Fault fault) {
        Object h = holderOrAnswer(d);
        if (h instanceof Answer) {
            return (Answer) h;
        }
        Optional<SampleLicense> l = data.license((HolderId) h, text(d, "certTypeCode"));
        if (l.isEmpty()) {
            return envelope(NO_MATCH, "未查询到证照", null);
        }
        SampleLicense lic = l.get();
        ObjectNode out = object();
        ArrayNode list = out.putArray("certList");
        list.add(licence(lic, fault != null && fault.kind() == Fault.Kind.WRONG_HOLDER ? data.other(lic.holder().id()) : lic.holder()));
        switch (lic.status()) {
            case REVOKED:
                return envelope(REVOKED, "证照已注销", out);
            case EXPIRED:
                return envelope(EXPIRED, "证照已过期", out);
            case RESTRICTED:
                return envelope(RESTRICTED, "证照限制使用", out);
            default:
                return envelope(OK, "成功", out);
        }
    }

    private ObjectNode licence(SampleLicense l, SampleHolder h) {
        ObjectNode n = object();
        n.put("certId", l.identifier().format());
        n.put("certNo", l.number());
        n.put("certTypeCode", l.typeCode());
        n.put("certName", l.typeName());
        n.put("holderCode", h.id().value());
        n.put("holderTypeCode", h.id().type().code());
        n.put("holderName", h.name());
        n.put("issueOrgName", l.issuerName());
        n.put("issueDate", date(l.issuedOn()));
        n.put("validFrom", date(l.validFrom()));
        if (l.validUntil() != null) {
            n.put("validTo", date(l.validUntil()));
        }
        n.put("certStatus", Integer.toString(1 + l.status().ordinal()));
        ObjectNode s = n.putObject("surface");
        l.surface().forEach(s::put);
        return n;
    }

    private Optional<SampleLicense> byCert(JsonNode d) {
        String id = text(d, "certId");
        String no = text(d, "certNo");
        return data.licenses().stream().filter(l -> l.identifier().format().equals(id) || l.number().equals(no)).findFirst();
    }

    private Answer download(JsonNode d, Fault fault) {
        Optional<SampleLicense> l = byCert(d);
        if (l.isEmpty()) {
            return envelope(NO_MATCH, "未查询到证照", null);
        }
        return fileAnswer(l.get().fileType(), l.get().file(), fault);
    }

    private Answer fileAnswer(FileType type, byte[] file, Fault fault) {
        ObjectNode out = object();
        out.put("fileType", type.name().toLowerCase(java.util.Locale.ROOT));
        out.put("fileData", b64(fault != null && fault.kind() == Fault.Kind.CORRUPT_FILE ? corrupt(file) : file));
        out.put("fileHash", org.mianzheng.api.Digests.sha256Hex(file));
        out.put("fileSize", file.length);
        return envelope(OK, "成功", out);
    }

    private Answer verify(JsonNode d) {
        Object h = holderOrAnswer(d);
        if (h instanceof Answer) {
            return (Answer) h;
        }
        Optional<SampleLicense> l = data.license((HolderId) h, text(d, "certTypeCode"));
        if (l.isEmpty()) {
            return envelope(NO_MATCH, "未查询到证照", null);
        }
        JsonNode fields = d.get("fields");
        if (fields == null || !fields.isObject() || fields.size() == 0) {
            return envelope(REQUIRED_EMPTY, "fields are required", null);
        }
        ObjectNode out = object();
        ObjectNode m = out.putObject("matches");
        for (Map.Entry<String, JsonNode> e : fields.properties()) {
            m.put(e.getKey(), e.getValue().asText().equals(l.get().surface().get(e.getKey())));
        }
        return envelope(OK, "成功", out);
    }

    private Answer create(JsonNode d) {
        String orderId = text(d, "orderId");
        String dept = text(d, "deptCode");
        String kind = text(d, "kind");
        if (orderId == null || dept == null || kind == null || text(d, "materialCode") == null || text(d, "applicantCode") == null
                || text(d, "applicantTypeCode") == null || text(d, "applicantName") == null) {
            return envelope(REQUIRED_EMPTY, "orderId, kind, deptCode, materialCode and applicant are required", null);
        }
        holder(text(d, "applicantTypeCode"), text(d, "applicantCode"));
        return status(desk.create(orderId, dept, kind));
    }

    private Optional<Desk.Entry> entry(JsonNode d) {
        String no = text(d, "requestNo");
        if (no != null) {
            return desk.byRequestNo(no);
        }
        String order = text(d, "orderId");
        return order == null ? Optional.empty() : desk.byOrderId(order);
    }

    private Answer directedQuery(JsonNode d) {
        if (text(d, "requestNo") == null && text(d, "orderId") == null) {
            return envelope(REQUIRED_EMPTY, "requestNo or orderId is required", null);
        }
        return entry(d).map(this::status).orElseGet(() -> envelope(NO_MATCH, "no such request", null));
    }

    private Answer result(JsonNode d, Fault fault) {
        Optional<Desk.Entry> e = entry(d);
        if (e.isEmpty()) {
            return envelope(NO_MATCH, "no such request", null);
        }
        Desk.State s = desk.state(e.get());
        if (s.state() != WorkOrderState.COMPLETED) {
            return envelope(NO_MATCH, "no result: request is " + s.state(), null);
        }
        FileType type = e.get().behaviour().resultType();
        byte[] file = type == FileType.PNG ? SampleFiles.png(e.get().requestNo().hashCode())
                : SampleFiles.pdf(java.util.List.of("mianzheng simulator directed result", "request " + e.get().requestNo(),
                "department " + e.get().department(), "kind " + e.get().kind(), "completed " + s.updatedAt()));
        return fileAnswer(type, file, fault);
    }

    private Answer cancel(JsonNode d) {
        String no = text(d, "requestNo");
        if (no == null || text(d, "reason") == null) {
            return envelope(REQUIRED_EMPTY, "requestNo and reason are required", null);
        }
        try {
            return desk.cancel(no).map(this::status).orElseGet(() -> envelope(NO_MATCH, "no such request", null));
        } catch (IllegalStateException e) {
            return envelope(BAD_VALUE, "request " + e.getMessage(), null);
        }
    }

    private Answer status(Desk.Entry e) {
        Desk.State s = desk.state(e);
        ObjectNode out = object();
        out.put("requestNo", e.requestNo());
        out.put("orderId", e.orderId());
        out.put("state", s.state().name());
        if (s.state() == WorkOrderState.RETURNED) {
            out.put("returnReason", e.behaviour().returnReason());
            out.put("transferDeptCode", e.behaviour().transferSuggestion());
        }
        out.put("updatedAt", s.updatedAt().toString());
        return envelope(OK, "成功", out);
    }

    @Override
    Answer envelope(String status, String message, JsonNode data) {
        ObjectNode env = object();
        ObjectNode head = env.putObject("head");
        head.put("status", status);
        head.put("message", message);
        if (data == null) {
            env.putNull("data");
        } else {
            env.set("data", data);
        }
        return Answer.json(200, bytes(env));
    }
}
