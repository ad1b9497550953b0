package org.mianzheng.platform.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import org.mianzheng.api.Digests;
import org.mianzheng.api.DocumentFile;
import org.mianzheng.api.FileType;
import org.mianzheng.api.MianzhengException;
import org.mianzheng.api.SourceOutcome;
import org.mianzheng.platform.FileFields;

/** Decodes and checks a Base64 file in an answer: size limit, declared length, declared type, magic bytes, SHA-256. */
public final class FileDecoder {
    private FileDecoder() {
    }

    /**
     * @param data     the payload holding the file fields
     * @param f        field names
     * @param maxBytes size limit
     * @return the checked file
     * @throws CallFailure MALFORMED_RESPONSE on any problem
     */
    public static DocumentFile decode(JsonNode data, FileFields f, int maxBytes) {
        String content = Json.text(data, f.content());
        if (content == null || content.isEmpty()) {
            throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "file content '" + f.content() + "' is missing");
        }
        String base64 = withoutLineBreaks(content);
        if ((long) base64.length() / 4 * 3 > (long) maxBytes + 3) {
            throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "file exceeds the limit of " + maxBytes + " bytes");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64); // strict: any character outside the alphabet is refused, not skipped
        } catch (IllegalArgumentException e) {
            throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "file content is not valid Base64");
        }
        if (bytes.length > maxBytes) {
            throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "file of " + bytes.length + " bytes exceeds the limit of " + maxBytes);
        }
        String size = Json.text(data, f.size());
        if (size != null) {
            long declared;
            try {
                declared = Long.parseLong(size.strip());
            } catch (NumberFormatException e) {
                throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "declared file length is not a number");
            }
            if (declared != bytes.length) {
                throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "file has " + bytes.length + " bytes but " + declared + " were declared");
            }
        }
        String typeText = Json.text(data, f.type());
        FileType declaredType = typeText == null ? null : f.typeValues().get(typeText.strip());
        if (typeText != null && declaredType == null) {
            throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "unknown file type '" + Redact.text(typeText) + "'");
        }
        String sha = Json.text(data, f.sha256());
        try {
            FileType type = declaredType != null ? declaredType : DocumentFile.of(bytes, maxBytes).type();
            return new DocumentFile(type, bytes, sha == null || sha.isBlank() ? null : Digests.requireSha256Hex(sha.strip(), "sha256"));
        } catch (MianzhengException e) {
            throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "file refused: " + e.getMessage());
        }
    }

    /** @return the Base64 text without the line breaks (CR, LF) that MIME-style encoders put in it */
    private static String withoutLineBreaks(String content) {
        if (content.indexOf('\n') < 0 && content.indexOf('\r') < 0) {
            return content;
        }
        StringBuilder sb = new StringBuilder(content.length());
        for (int i = 0; i < content.length(); i++) {
            char ch = content.charAt(i);
            if (ch != '\n' && ch != '\r') {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
