package org.mianzheng.onewindow;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import org.mianzheng.api.Codes;
import org.mianzheng.platform.EnvelopeFields;
import org.mianzheng.platform.FileFields;
import org.mianzheng.platform.LicenseFields;
import org.mianzheng.platform.ProfileException;
import org.mianzheng.platform.ProfileReader;
import org.mianzheng.platform.StatusTable;

/**
 * Every path, field name and status code of a onewindow-style platform. Field names are dotted paths inside the
 * JSON bodies. {@link #defaults()} is the reference profile shipped as {@value #DEFAULT_RESOURCE};
 * {@link #fromJson(InputStream)} merges a variant over it, so a variant lists only what differs.
 *
 * @param name          profile name, for logs
 * @param channelId     the {@code LicenseSource} id
 * @param paths         endpoint paths below the base URL
 * @param envelope      where status, message, errors and data are in an answer
 * @param correlationId where the platform's correlation id is in an answer (logged)
 * @param statusCodes   status codes
 * @param signing       header names of the signature and the token
 * @param login         token login fields
 * @param purpose       purpose fields sent with every data call
 * @param auth          {@code license/auth} fields
 * @param get           {@code license/get} fields
 * @param archive       {@code license/archive} fields
 * @param license       the licence object's fields
 * @param file          the file fields of the archive answer
 */
public record OneWindowProfile(String name, String channelId, Paths paths, EnvelopeFields envelope, String correlationId, StatusTable statusCodes,
                               Signing signing, Login login, Purpose purpose, Auth auth, Get get, Archive archive, LicenseFields license,
                               FileFields file) {
    /** Class-path resource of the reference profile. */
    public static final String DEFAULT_RESOURCE = "/org/mianzheng/onewindow/default-profile.json";

    /** Validating constructor. */
    public OneWindowProfile {
        try {
            channelId = Codes.require(channelId, "channelId");
        } catch (RuntimeException e) {
            throw new ProfileException("profile field /channelId: " + e.getMessage());
        }
    }

    /**
     * @param token   login
     * @param auth    authorisation → use codes
     * @param get     surface data
     * @param archive file
     */
    public record Paths(String token, String auth, String get, String archive) {
        static Paths read(ProfileReader r) {
            return new Paths(r.text("token"), r.text("auth"), r.text("get"), r.text("archive"));
        }
    }

    /**
     * @param appKeyHeader     app key
     * @param timestampHeader  timestamp (epoch ms)
     * @param nonceHeader      nonce
     * @param signatureHeader  signature
     * @param signMethodHeader algorithm name
     * @param tokenHeader      access token
     * @param tokenPrefix      prefix of the token value, e.g. {@code "Bearer "}
     */
    public record Signing(String appKeyHeader, String timestampHeader, String nonceHeader, String signatureHeader, String signMethodHeader,
                          String tokenHeader, String tokenPrefix) {
        static Signing read(ProfileReader r) {
            String prefix = r.rawText("tokenPrefix", "");
            int bad = org.mianzheng.platform.internal.HeaderText.firstUnsendable(prefix, true); // it starts a header value
            if (bad >= 0) {
                throw r.fail("tokenPrefix", "only printable ASCII characters can start a header value (at " + bad + ")");
            }
            return new Signing(r.headerName("appKeyHeader"), r.headerName("timestampHeader"), r.headerName("nonceHeader"),
                    r.headerName("signatureHeader"), r.headerName("signMethodHeader"), r.headerName("tokenHeader"), prefix);
        }
    }

    /**
     * @param appKey         request: app key
     * @param grantType      request: grant type field
     * @param grantTypeValue its value
     * @param token          answer: token
     * @param expiresIn      answer: lifetime in seconds
     */
    public record Login(String appKey, String grantType, String grantTypeValue, String token, String expiresIn) {
        static Login read(ProfileReader r) {
            return new Login(r.text("appKey"), r.text("grantType"), r.text("grantTypeValue"), r.text("token"), r.text("expiresIn"));
        }
    }

    /**
     * @param requestId request id
     * @param itemCode  item code
     * @param bizNo     case number
     * @param operator  operator id
     * @param window    window id
     * @param purpose   purpose text
     */
    public record Purpose(String requestId, String itemCode, String bizNo, String operator, String window, String purpose) {
        static Purpose read(ProfileReader r) {
            return new Purpose(r.text("requestId"), r.text("itemCode"), r.text("bizNo"), r.text("operator"), r.text("window"), r.text("purpose"));
        }
    }

    /**
     * @param holders            request: array of holders
     * @param holderId           holder element: id
     * @param holderType         holder element: type code
     * @param holderName         holder element: name
     * @param licenseTypes       request: array of licence type codes
     * @param useCodes           answer: array of use codes
     * @param useCode            use-code element: the code
     * @param useCodeLicenseType use-code element: its licence type
     */
    public record Auth(String holders, String holderId, String holderType, String holderName, String licenseTypes, String useCodes, String useCode,
                       String useCodeLicenseType) {
        static Auth read(ProfileReader r) {
            return new Auth(r.text("holders"), r.text("holderId"), r.text("holderType"), r.text("holderName"), r.text("licenseTypes"),
                    r.text("useCodes"), r.text("useCode"), r.text("useCodeLicenseType"));
        }
    }

    /**
     * @param useCode request: use code
     * @param license answer: the licence object within data
     */
    public record Get(String useCode, String license) {
        static Get read(ProfileReader r) {
            return new Get(r.text("useCode"), r.text("license"));
        }
    }

    /**
     * @param useCode       request: use code
     * @param fileType      request: wanted format
     * @param fileTypeValue its value
     * @param file          answer: the file object within data (empty = data itself)
     */
    public record Archive(String useCode, String fileType, String fileTypeValue, String file) {
        static Archive read(ProfileReader r) {
            return new Archive(r.text("useCode"), r.text("fileType"), r.text("fileTypeValue"), r.optionalText("file", ""));
        }
    }

    /** @return the reference profile */
    public static OneWindowProfile defaults() {
        return read(defaultTree());
    }

    /**
     * @param variant JSON of a variant: only the fields that differ from the reference profile
     * @return the merged profile
     * @throws ProfileException naming the field at fault
     */
    public static OneWindowProfile fromJson(InputStream variant) {
        return read(ProfileReader.merge(defaultTree(), ProfileReader.parse(variant)));
    }

    private static JsonNode defaultTree() {
        return ProfileReader.resource(DEFAULT_RESOURCE, OneWindowProfile.class);
    }

    /**
     * @param tree a complete profile
     * @return the profile
     * @throws ProfileException naming the field at fault
     */
    public static OneWindowProfile read(JsonNode tree) {
        ProfileReader r = ProfileReader.of(tree);
        ProfileReader env = r.object("envelope");
        return new OneWindowProfile(r.text("name"), r.text("channelId"), Paths.read(r.object("paths")), EnvelopeFields.read(env),
                env.optionalText("correlationId", ""), StatusTable.read(r.object("statusCodes")), Signing.read(r.object("signing")),
                Login.read(r.object("login")), Purpose.read(r.object("purpose")), Auth.read(r.object("auth")), Get.read(r.object("get")),
                Archive.read(r.object("archive")), LicenseFields.read(r.object("license")), FileFields.read(r.object("file")));
    }
}
