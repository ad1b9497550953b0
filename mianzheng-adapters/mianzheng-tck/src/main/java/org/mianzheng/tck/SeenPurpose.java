package org.mianzheng.tck;

/**
 * The purpose fields one call carried, as the platform (or its double) recorded them; {@code null} when absent.
 *
 * @param itemCode   item code
 * @param bizNo      case number
 * @param operatorId operator
 * @param windowId   window
 * @param purpose    the purpose text, or {@code null} if the double does not record it (then it is not checked)
 */
public record SeenPurpose(String itemCode, String bizNo, String operatorId, String windowId, String purpose) {
    /**
     * A call whose purpose text the double does not record.
     *
     * @param itemCode   item code
     * @param bizNo      case number
     * @param operatorId operator
     * @param windowId   window
     */
    public SeenPurpose(String itemCode, String bizNo, String operatorId, String windowId) {
        this(itemCode, bizNo, operatorId, windowId, null);
    }
}
