package org.mianzheng.api;

/** A case request was refused: unknown bizNo, a bizNo opened twice, or a material the item does not have. */
public class CaseException extends MianzhengException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Reason {
        /** No case with that bizNo. */
        UNKNOWN_CASE,
        /** A case with that bizNo exists already. */
        DUPLICATE_BIZ_NO,
        /** The item of the case has no such material. */
        UNKNOWN_MATERIAL
    }

    private final Reason reason;
    private final String bizNo;

    /**
     * @param reason  what went wrong
     * @param bizNo   the case
     * @param message detail
     */
    public CaseException(Reason reason, String bizNo, String message) {
        super("case " + bizNo + ": " + message);
        this.reason = reason;
        this.bizNo = bizNo;
    }

    /** @return what went wrong */
    public Reason reason() {
        return reason;
    }

    /** @return the bizNo */
    public String bizNo() {
        return bizNo;
    }
}
