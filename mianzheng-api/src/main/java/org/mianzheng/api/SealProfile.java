package org.mianzheng.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * 核验专用章: how the special seal of Art. 13 looks on a receipt.
 *
 * <p>Either drawn by the library as the customary red round seal — outer ring, five-point star in the centre, the
 * seal {@link #name()} along the upper arc and optional {@link #textUnderStar()} — or taken from a supplied PNG
 * ({@link #png()}, e.g. a scan of the registered seal). The seal is rendered once per profile and cached; every use is
 * reported (see the receipt module). Profiles are administered only by operators allowed to manage seals (Art. 20).
 *
 * @param id            profile id (a code: {@code A-Z a-z 0-9 _ - .})
 * @param name          the seal name along the arc, 1 to {@value #MAX_NAME_LENGTH} characters; default
 *                      {@value #DEFAULT_NAME}
 * @param colorRgb      ink colour {@code 0xRRGGBB}; default {@code 0xE60012}
 * @param diameterMm    printed diameter in millimetres, {@value #MIN_DIAMETER_MM} to {@value #MAX_DIAMETER_MM}
 * @param textUnderStar optional horizontal text under the star (at most {@value #MAX_UNDER_STAR_LENGTH} characters),
 *                      or {@code null}
 * @param png           a PNG image used instead of drawing, or {@code null} to draw; copied defensively
 */
public record SealProfile(String id, String name, int colorRgb, double diameterMm, String textUnderStar, byte[] png) {
    /** The seal of Art. 13. */
    public static final String DEFAULT_NAME = "乌海市证照数据共享查询核验专用章";
    /** Id of {@link #defaultProfile()}. */
    public static final String DEFAULT_ID = "default";
    /** Default ink colour, the customary seal red. */
    public static final int DEFAULT_COLOR = 0xE60012;
    /** Default diameter: 42 mm. */
    public static final double DEFAULT_DIAMETER_MM = 42.0;
    /** Smallest diameter. */
    public static final double MIN_DIAMETER_MM = 20.0;
    /** Largest diameter. */
    public static final double MAX_DIAMETER_MM = 60.0;
    /** Longest seal name. */
    public static final int MAX_NAME_LENGTH = 30;
    /** Longest text under the star. */
    public static final int MAX_UNDER_STAR_LENGTH = 12;
    /** Largest accepted PNG. */
    public static final int MAX_PNG_BYTES = 4 * 1024 * 1024;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** Validating constructor; copies the PNG. */
    public SealProfile {
        id = Codes.require(id, "sealProfile.id");
        name = text(name, "sealProfile.name", MAX_NAME_LENGTH);
        if ((colorRgb & 0xFF000000) != 0) {
            throw new InvalidValueException("sealProfile.colorRgb", "must be 0xRRGGBB (no alpha)");
        }
        if (!(diameterMm >= MIN_DIAMETER_MM && diameterMm <= MAX_DIAMETER_MM)) {
            throw new InvalidValueException("sealProfile.diameterMm", "must be between " + MIN_DIAMETER_MM + " and " + MAX_DIAMETER_MM);
        }
        if (textUnderStar != null) {
            textUnderStar = textUnderStar.isBlank() ? null : text(textUnderStar, "sealProfile.textUnderStar", MAX_UNDER_STAR_LENGTH);
        }
        if (png != null) {
            if (png.length > MAX_PNG_BYTES) {
                throw new InvalidValueException("sealProfile.png", "larger than " + MAX_PNG_BYTES + " bytes");
            }
            if (png.length < PNG_SIGNATURE.length || !Arrays.equals(png, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length)) {
                throw new InvalidValueException("sealProfile.png", "is not a PNG image (bad signature bytes)");
            }
            png = png.clone();
        }
    }

    /** @return the seal of Art. 13, drawn: id {@value #DEFAULT_ID}, name {@value #DEFAULT_NAME}, red, 42 mm */
    public static SealProfile defaultProfile() {
        return drawn(DEFAULT_ID, DEFAULT_NAME, DEFAULT_COLOR, DEFAULT_DIAMETER_MM, null);
    }

    /**
     * @param id            profile id
     * @param name          seal name along the arc
     * @param colorRgb      ink colour {@code 0xRRGGBB}
     * @param diameterMm    diameter in millimetres
     * @param textUnderStar text under the star, or {@code null}
     * @return a drawn seal profile
     */
    public static SealProfile drawn(String id, String name, int colorRgb, double diameterMm, String textUnderStar) {
        return new SealProfile(id, name, colorRgb, diameterMm, textUnderStar, null);
    }

    /**
     * @param id         profile id
     * @param name       the seal's name (for reports; not drawn)
     * @param png        the seal image
     * @param diameterMm printed width in millimetres
     * @return a seal profile using the image
     */
    public static SealProfile image(String id, String name, byte[] png, double diameterMm) {
        InvalidValueException.requireNonNull(png, "sealProfile.png");
        return new SealProfile(id, name, DEFAULT_COLOR, diameterMm, null, png);
    }

    /** @return a copy of the PNG, or {@code null} when the seal is drawn */
    @Override
    public byte[] png() {
        return png == null ? null : png.clone();
    }

    /** @return whether the seal comes from a supplied image */
    public boolean isImage() {
        return png != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SealProfile && equalTo((SealProfile) o);
    }

    private boolean equalTo(SealProfile p) {
        return id.equals(p.id) && name.equals(p.name) && colorRgb == p.colorRgb
                && Double.compare(diameterMm, p.diameterMm) == 0 && Objects.equals(textUnderStar, p.textUnderStar)
                && Arrays.equals(png, p.png);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, colorRgb, diameterMm, textUnderStar) * 31 + Arrays.hashCode(png);
    }

    @Override
    public String toString() {
        return "SealProfile[" + id + ", " + name + ", " + String.format(java.util.Locale.ROOT, "#%06X", colorRgb) + ", "
                + diameterMm + " mm" + (textUnderStar == null ? "" : ", " + textUnderStar)
                + (png == null ? ", drawn" : ", png " + png.length + " bytes") + "]";
    }

    private static String text(String value, String field, int max) {
        String v = InvalidValueException.requireText(value, field);
        int n = v.codePointCount(0, v.length());
        if (n > max) {
            throw new InvalidValueException(field, "longer than " + max + " characters");
        }
        for (int i = 0; i < v.length(); i++) {
            if (Character.isISOControl(v.charAt(i))) {
                throw new InvalidValueException(field, "contains a control character at position " + (i + 1));
            }
        }
        return v;
    }
}
