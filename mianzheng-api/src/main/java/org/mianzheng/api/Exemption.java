package org.mianzheng.api;

import java.util.List;

/**
 * Whether and how a material is exempt from submission (免证办目录 entry).
 *
 * @param mode     how it is obtained instead; {@link RetrievalMode#NONE} when it is not exempt
 * @param channels channel ids in the order they are tried (for {@link RetrievalMode#DATA_CALL} and
 *                 {@link RetrievalMode#DATA_VERIFY}); empty otherwise
 */
public record Exemption(RetrievalMode mode, List<String> channels) {
    /** The primary channel: the regional 综合一窗 platform. */
    public static final String ONEWINDOW = "onewindow";
    /** The supplementary channel: the city 数据调用核验系统. */
    public static final String CITYHUB = "cityhub";
    /** Not exempt. */
    public static final Exemption NONE = new Exemption(RetrievalMode.NONE, List.of());

    /** Validating constructor. */
    public Exemption {
        InvalidValueException.requireNonNull(mode, "exemption.mode");
        channels = channels == null ? List.of() : Codes.requireAll(channels, "exemption.channels");
        if ((mode == RetrievalMode.DATA_CALL || mode == RetrievalMode.DATA_VERIFY) && channels.isEmpty()) {
            throw new InvalidValueException("exemption.channels", "a " + mode + " exemption needs at least one channel");
        }
        if ((mode == RetrievalMode.DIRECTED || mode == RetrievalMode.NONE) && !channels.isEmpty()) {
            throw new InvalidValueException("exemption.channels", "a " + mode + " exemption has no channels");
        }
        if (channels.stream().distinct().count() != channels.size()) {
            throw new InvalidValueException("exemption.channels", "a channel is listed twice");
        }
    }

    /** @return retrieval through onewindow, then cityhub (the default order of Art. 6) */
    public static Exemption dataCall() {
        return new Exemption(RetrievalMode.DATA_CALL, List.of(ONEWINDOW, CITYHUB));
    }

    /** @return whether the material is exempt in any way */
    public boolean exempt() {
        return mode != RetrievalMode.NONE;
    }
}
