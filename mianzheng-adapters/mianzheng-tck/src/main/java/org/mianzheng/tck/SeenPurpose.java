package org.mianzheng.tck;

/**
 * The purpose fields one call carried, as the platform (or its double) recorded them; {@code null} when absent.
 *
 * @param itemCode   item code
 * @param bizNo      case number
 * @param operatorId operator
 * @param windowId   window
 */
public record SeenPurpose(String itemCode, String bizNo, String operatorId, String windowId) {
}
