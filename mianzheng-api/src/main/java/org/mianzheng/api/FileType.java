package org.mianzheng.api;

/** File formats of licences and results, recognised by their magic bytes. */
public enum FileType {
    /** PDF: {@code %PDF-}. */
    PDF("application/pdf"),
    /**
     * OFD (GB/T 33190), a ZIP package ({@code PK\3\4}) whose central directory lists its entry file {@code OFD.xml}
     * (read without inflating anything): any other ZIP (a DOCX, a JAR) is not an OFD.
     */
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
        if (starts(bytes, 'P', 'K', 3, 4) && listsOfdXml(bytes)) {
            return OFD;
        }
        return null;
    }

    /** Size of the ZIP end-of-central-directory record without its comment. */
    private static final int EOCD = 22;
    /** Size of a ZIP central directory header without its name, extra field and comment. */
    private static final int CEN = 46;

    /**
     * Whether a ZIP's central directory lists {@code OFD.xml} at the root. Reads only the directory (never inflates),
     * and stops at the first header that does not fit or is not one: hostile input costs one pass over the bytes.
     */
    private static boolean listsOfdXml(byte[] b) {
        int eocd = -1;
        for (int i = b.length - EOCD; i >= 0 && i >= b.length - EOCD - 0xFFFF; i--) { // the comment is at most 65,535 bytes
            if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 5 && b[i + 3] == 6) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            return false;
        }
        int entries = u16(b, eocd + 10);
        long p = u32(b, eocd + 16);
        for (int n = 0; n < entries; n++) {
            if (p + CEN > b.length) {
                return false;
            }
            int at = (int) p;
            if (!(b[at] == 'P' && b[at + 1] == 'K' && b[at + 2] == 1 && b[at + 3] == 2)) {
                return false;
            }
            int nameLength = u16(b, at + 28);
            if ((long) at + CEN + nameLength > b.length) {
                return false;
            }
            if (nameLength == 7 && new String(b, at + CEN, 7, java.nio.charset.StandardCharsets.US_ASCII).equalsIgnoreCase("OFD.xml")) {
                return true;
            }
            p = (long) at + CEN + nameLength + u16(b, at + 30) + u16(b, at + 32);
        }
        return false;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at) {
        return u16(b, at) | (long) u16(b, at + 2) << 16;
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
