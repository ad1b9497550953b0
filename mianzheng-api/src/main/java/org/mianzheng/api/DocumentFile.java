package org.mianzheng.api;

import java.util.Arrays;

/**
 * A licence file or a directed-request result: type checked by magic bytes, SHA-256 computed, bytes copied.
 *
 * @param type   the type (matches the magic bytes)
 * @param bytes  content (defensively copied; {@link #bytes()} returns a copy)
 * @param sha256 lowercase hex SHA-256 of the content
 */
public record DocumentFile(FileType type, byte[] bytes, String sha256) {
    /** Default size limit: 20 MiB. */
    public static final int DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

    /** Validating constructor: magic bytes and digest must match. */
    public DocumentFile {
        InvalidValueException.requireNonNull(type, "type");
        if (bytes == null || bytes.length == 0) {
            throw new FileContentException("empty file");
        }
        bytes = bytes.clone();
        FileType sniffed = FileType.sniff(bytes);
        if (sniffed != type) {
            throw new FileContentException("declared " + type + " but the content is " + (sniffed == null ? "not PDF/OFD/PNG/JPEG" : sniffed));
        }
        String actual = Digests.sha256Hex(bytes);
        if (sha256 != null && !actual.equals(Digests.requireSha256Hex(sha256, "sha256"))) {
            throw new FileContentException("SHA-256 does not match the content");
        }
        sha256 = actual;
    }

    /**
     * @param bytes    content
     * @param maxBytes size limit
     * @return the file, its type sniffed
     * @throws FileContentException if empty, too large or of no accepted type
     */
    public static DocumentFile of(byte[] bytes, int maxBytes) {
        if (bytes == null || bytes.length == 0) {
            throw new FileContentException("empty file");
        }
        if (bytes.length > maxBytes) {
            throw new FileContentException("file of " + bytes.length + " bytes exceeds the limit of " + maxBytes);
        }
        FileType t = FileType.sniff(bytes);
        if (t == null) {
            throw new FileContentException("content is not PDF, OFD, PNG or JPEG");
        }
        return new DocumentFile(t, bytes, null);
    }

    /** @return a copy of the content */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** @return the size in bytes */
    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DocumentFile f && f.type == type && Arrays.equals(f.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return sha256.hashCode();
    }

    @Override
    public String toString() {
        return "DocumentFile[" + type + ", " + bytes.length + " bytes, sha256 " + sha256 + "]";
    }
}
