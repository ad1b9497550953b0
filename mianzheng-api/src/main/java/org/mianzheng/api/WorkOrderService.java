package org.mianzheng.api;

import java.util.List;
import java.util.Optional;

/**
 * Directed requests under SLA (Art. 10(二)(三)): window requests from a consented case, online requests, the
 * receiving department's answers, returns and transfers, SLA warnings and escalations. Every state change is an
 * audit event. Thread-safe.
 */
public interface WorkOrderService {

    /**
     * Opens a directed request for a {@code DIRECTED} material of a window case. Needs a consent covering it.
     *
     * @param bizNo        the case
     * @param materialCode the material
     * @param operatorId   the clerk
     * @param complexity   {@code NORMAL} or {@code COMPLEX}; a 承诺件 item is always complex
     * @return the order, SUBMITTED, with its deadlines
     */
    WorkOrder request(String bizNo, String materialCode, String operatorId, Complexity complexity);

    /**
     * An online certification request: issued at once when a connected source can answer (pushed to the applicant),
     * otherwise a work order under the online rules (its result pushed when completed).
     *
     * @param request the request
     * @return what happened
     */
    OnlineOutcome requestOnline(OnlineRequest request);

    /**
     * @param orderId    order
     * @param operatorId an active {@link Role#DEPARTMENT_VERIFIER} of the receiving department
     * @return the order, ACCEPTED
     */
    WorkOrder accept(String orderId, String operatorId);

    /**
     * @param orderId    order
     * @param operatorId an active {@link Role#DEPARTMENT_VERIFIER} of the receiving department
     * @param result     the verification or certification result: PDF or image, at most 20 MiB
     * @return the order, COMPLETED (pushed to the applicant for online orders)
     */
    WorkOrder complete(String orderId, String operatorId, byte[] result);

    /**
     * Returns a request outside the department's remit.
     *
     * @param orderId            order
     * @param operatorId         an active {@link Role#DEPARTMENT_VERIFIER} of the receiving department
     * @param reason             why (mandatory)
     * @param transferSuggestion the department that should handle it (mandatory)
     * @return the order, RETURNED
     */
    WorkOrder returnOrder(String orderId, String operatorId, String reason, String transferSuggestion);

    /**
     * Opens a linked order to the department a returned order suggested; the chain is kept.
     *
     * @param returnedOrderId a RETURNED order
     * @param operatorId      the clerk (window orders) or any window clerk for online orders
     * @return the new order
     */
    WorkOrder transfer(String returnedOrderId, String operatorId);

    /**
     * @param orderId    an open order
     * @param operatorId the requesting clerk
     * @param reason     why
     * @return the order, CANCELLED
     */
    WorkOrder cancel(String orderId, String operatorId, String reason);

    /**
     * Re-classifies an open order (e.g. normal → complex); its deadlines are recomputed from the original start.
     *
     * @param orderId    an open order
     * @param operatorId the receiving department's verifier or the requesting clerk
     * @param complexity the new complexity
     * @param reason     why
     * @return the order with new deadlines
     */
    WorkOrder reclassify(String orderId, String operatorId, Complexity complexity, String reason);

    /**
     * @param orderId an order
     * @return the order
     */
    Optional<WorkOrder> find(String orderId);

    /**
     * @param orderId an order
     * @return the whole transfer chain it belongs to, first order first
     */
    List<WorkOrder> chain(String orderId);

    /** @return the SLA rule set in force */
    SlaRuleSet rules();

    /**
     * Puts a new version of the SLA rules in force for orders created from now on; audited.
     *
     * @param rules      the rules (one per origin and complexity)
     * @param operatorId a {@link Role#SUPERVISOR}
     * @return the new rule set
     */
    SlaRuleSet configureRules(List<SlaRule> rules, String operatorId);

    /**
     * Sends every warning, breach notice and escalation that is due and not yet sent (late ones marked late), and
     * synchronises orders carried by a directed-request channel. The engine runs this on its own timer; tests and
     * hosts may call it.
     *
     * @return the number of notifications sent
     */
    int runDueActions();
}
