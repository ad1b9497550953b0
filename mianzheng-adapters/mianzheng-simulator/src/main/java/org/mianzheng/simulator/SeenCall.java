package org.mianzheng.simulator;

import java.time.Instant;

/**
 * A data call as the simulated platform saw it, with its purpose fields (what a real platform audits).
 *
 * @param route     route
 * @param at        when (simulator clock)
 * @param itemCode  item code sent, or {@code null}
 * @param bizNo     case number sent, or {@code null}
 * @param operatorId operator sent, or {@code null}
 * @param windowId  window sent, or {@code null}
 * @param purpose   purpose text sent, or {@code null}
 */
public record SeenCall(Route route, Instant at, String itemCode, String bizNo, String operatorId, String windowId, String purpose) {
}
