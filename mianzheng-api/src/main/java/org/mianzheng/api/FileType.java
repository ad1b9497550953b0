package org.mianzheng.api;

/** File formats of licences and results, recognised by their magic bytes. */
public enum FileType {
    /** PDF: {@code %PDF-}. */
    PDF("application/pdf"),
    /** OFD (GB/T 33190), a ZIP package: {@code PK\3\4}. */
    OFD("application/ofd"),
    /** PNG. */
    PNG("image/png"),
    /** JPEG. */
    JPEG("image/jpeg");

    private final String mediaType;

    FileType(String mediaType) {
        this.mediaType = mediaType;
    }

    /** @return the media type */
    public String mediaType() {
        return mediaType;
    }

    /**
     * @param bytes file content
     * @return the type its magic bytes say, or {@code null} if none of these
     */
    public static FileType sniff(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (starts(bytes, '%', 'P', 'D', 'F', '-')) {
            return PDF;
        }
        if (starts(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (starts(bytes, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (starts(bytes, 'P', 'K', 3, 4)) {
            return OFD;
        }
        return null;
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
