package org.mianzheng.api;

/** A file was refused: empty, too large, magic bytes not of an accepted type or not of the declared type, digest mismatch. */
public class FileContentException extends MianzhengException {
    private static final long serialVersionUID = 1L;

    /** @param message detail */
    public FileContentException(String message) {
        super(message);
    }
}
