package org.mianzheng.api;

/** A retrieval request cannot be carried out: the material is not exempt, not a licence, or has no retrieved file. */
public class RetrievalException extends MianzhengException {
    private static final long serialVersionUID = 1L;

    /** @param message detail */
    public RetrievalException(String message) {
        super(message);
    }
}
