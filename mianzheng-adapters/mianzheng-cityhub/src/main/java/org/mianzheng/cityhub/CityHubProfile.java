package org.mianzheng.cityhub;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.Map;
import org.mianzheng.api.Codes;
import org.mianzheng.api.WorkOrderState;
import org.mianzheng.platform.EnvelopeFields;
import org.mianzheng.platform.FileFields;
import org.mianzheng.platform.LicenseFields;
import org.mianzheng.platform.ProfileException;
import org.mianzheng.platform.ProfileReader;
import org.mianzheng.platform.StatusTable;

/**
 * Every path, field name and status code of a cityhub-style platform (dotted paths inside the JSON bodies).
 * {@link #defaults()} is the reference profile shipped as {@value #DEFAULT_RESOURCE}; {@link #fromJson(InputStream)}
 * merges a variant over it.
 *
 * @param name        profile name
 * @param channelId   channel id
 * @param paths       endpoint paths
 * @param head        where the request head fields go (signature, token, request id, timestamp) and the data
 * @param envelope    where status, message and data are in an answer
 * @param statusCodes status codes
 * @param login       login fields
 * @param useCause    purpose fields, sent with every call
 * @param query       query-by-holder fields
 * @param download    download fields
 * @param verify      verify fields
 * @param directed    directed-request fields
 * @param license     licence object fields
 * @param file        file fields
 */
public record CityHubProfile(String name, String channelId, Paths paths, Head head, EnvelopeFields envelope, StatusTable statusCodes, Login login,
                             UseCause useCause, Query query, Download download, Verify verify, Directed directed, LicenseFields license,
                             FileFields file) {
    /** Class-path resource of the reference profile. */
    public static final String DEFAULT_RESOURCE = "/org/mianzheng/cityhub/default-profile.json";

    /** Validating constructor. */
    public CityHubProfile {
        try {
            channelId = Codes.require(channelId, "channelId");
        } catch (RuntimeException e) {
            throw new ProfileException("profile field /channelId: " + e.getMessage());
        }
    }

    /**
     * @param token          login
     * @param query          query by holder
     * @param download       licence file
     * @param verify         data verification
     * @param directedCreate create a directed request
     * @param directedQuery  its status
     * @param directedResult its result file
     * @param directedCancel cancel it
     */
    public record Paths(String token, String query, String download, String verify, String directedCreate, String directedQuery,
                        String directedResult, String directedCancel) {
        static Paths read(ProfileReader r) {
            return new Paths(r.text("token"), r.text("query"), r.text("download"), r.text("verify"), r.text("directedCreate"),
                    r.text("directedQuery"), r.text("directedResult"), r.text("directedCancel"));
        }
    }

    /**
     * @param accessId    access id (app key)
     * @param accessToken token
     * @param requestId   request id (also the signature nonce)
     * @param timestamp   epoch ms
     * @param sign        signature over the canonical string with the canonical JSON of data as payload
     * @param signMethod  algorithm name
     * @param data        the payload
     */
    public record Head(String accessId, String accessToken, String requestId, String timestamp, String sign, String signMethod, String data) {
        static Head read(ProfileReader r) {
            return new Head(r.text("accessId"), r.text("accessToken"), r.text("requestId"), r.text("timestamp"), r.text("sign"), r.text("signMethod"),
                    r.text("data"));
        }
    }

    /**
     * @param grantType      request: grant type field
     * @param grantTypeValue its value
     * @param token          answer: token
     * @param expiresIn      answer: lifetime in seconds
     */
    public record Login(String grantType, String grantTypeValue, String token, String expiresIn) {
        static Login read(ProfileReader r) {
            return new Login(r.text("grantType"), r.text("grantTypeValue"), r.text("token"), r.text("expiresIn"));
        }
    }

    /**
     * @param object   the useCause object in data
     * @param itemCode item code
     * @param bizNo    case
     * @param operator operator
     * @param window   window
     * @param purpose  purpose text
     */
    public record UseCause(String object, String itemCode, String bizNo, String operator, String window, String purpose) {
        static UseCause read(ProfileReader r) {
            return new UseCause(r.text("object"), r.text("itemCode"), r.text("bizNo"), r.text("operator"), r.text("window"), r.text("purpose"));
        }
    }

    /**
     * @param holderCode     holder id
     * @param holderTypeCode 111 / 001 / 999
     * @param holderName     holder name
     * @param certTypeCode   licence type
     * @param licenses       answer: array of licences
     */
    public record Query(String holderCode, String holderTypeCode, String holderName, String certTypeCode, String licenses) {
        static Query read(ProfileReader r) {
            return new Query(r.text("holderCode"), r.text("holderTypeCode"), r.text("holderName"), r.text("certTypeCode"), r.text("licenses"));
        }
    }

    /**
     * @param certId        request: licence identifier
     * @param certNo        request: licence number
     * @param fileType      request: wanted format
     * @param fileTypeValue its value
     * @param file          answer: the file object within data (empty = data)
     */
    public record Download(String certId, String certNo, String fileType, String fileTypeValue, String file) {
        static Download read(ProfileReader r) {
            return new Download(r.text("certId"), r.text("certNo"), r.text("fileType"), r.text("fileTypeValue"), r.optionalText("file", ""));
        }
    }

    /**
     * @param fields  request: object of declared field → value
     * @param matches answer: object of field → boolean
     */
    public record Verify(String fields, String matches) {
        static Verify read(ProfileReader r) {
            return new Verify(r.text("fields"), r.text("matches"));
        }
    }

    /**
     * Directed-request fields.
     *
     * @param orderId            idempotency key (the engine's work-order id)
     * @param requestNo          the desk's id
     * @param kind               VERIFY_APPROVAL / ISSUE_CERTIFICATION
     * @param origin             WINDOW / ONLINE
     * @param complexity         NORMAL / COMPLEX
     * @param department         receiving department
     * @param materialCode       material code
     * @param materialName       material name
     * @param applicantCode      applicant id
     * @param applicantTypeCode  applicant id type
     * @param applicantName      applicant name
     * @param state              answer: state
     * @param returnReason       answer: return reason
     * @param transferSuggestion answer: suggested department
     * @param updatedAt          answer: ISO-8601 instant of the last change
     * @param cancelReason       request: cancellation reason
     * @param file               answer of result: the file object within data
     * @param stateValues        state value → state
     */
    public record Directed(String orderId, String requestNo, String kind, String origin, String complexity, String department, String materialCode,
                           String materialName, String applicantCode, String applicantTypeCode, String applicantName, String state,
                           String returnReason, String transferSuggestion, String updatedAt, String cancelReason, String file,
                           Map<String, WorkOrderState> stateValues) {
        /** Validating constructor. */
        public Directed {
            stateValues = Map.copyOf(stateValues);
        }

        static Directed read(ProfileReader r) {
            return new Directed(r.text("orderId"), r.text("requestNo"), r.text("kind"), r.text("origin"), r.text("complexity"), r.text("department"),
                    r.text("materialCode"), r.text("materialName"), r.text("applicantCode"), r.text("applicantTypeCode"), r.text("applicantName"),
                    r.text("state"), r.text("returnReason"), r.text("transferSuggestion"), r.text("updatedAt"), r.text("cancelReason"),
                    r.optionalText("file", ""), r.enumMap("stateValues", WorkOrderState.class));
        }
    }

    /** @return the reference profile */
    public static CityHubProfile defaults() {
        return read(defaultTree());
    }

    /**
     * @param variant JSON listing what differs from the reference profile
     * @return the merged profile
     * @throws ProfileException naming the field at fault
     */
    public static CityHubProfile fromJson(InputStream variant) {
        return read(ProfileReader.merge(defaultTree(), ProfileReader.parse(variant)));
    }

    private static JsonNode defaultTree() {
        return ProfileReader.resource(DEFAULT_RESOURCE, CityHubProfile.class);
    }

    /**
     * @param tree a complete profile
     * @return the profile
     * @throws ProfileException naming the field at fault
     */
    public static CityHubProfile read(JsonNode tree) {
        ProfileReader r = ProfileReader.of(tree);
        return new CityHubProfile(r.text("name"), r.text("channelId"), Paths.read(r.object("paths")), Head.read(r.object("head")),
                EnvelopeFields.read(r.object("envelope")), StatusTable.read(r.object("statusCodes")), Login.read(r.object("login")),
                UseCause.read(r.object("useCause")), Query.read(r.object("query")), Download.read(r.object("download")),
                Verify.read(r.object("verify")), Directed.read(r.object("directed")), LicenseFields.read(r.object("license")),
                FileFields.read(r.object("file")));
    }
}
