package org.mianzheng.core.workorders;

import java.time.Instant;
import org.mianzheng.api.Complexity;
import org.mianzheng.api.DocumentFile;
import org.mianzheng.api.WorkOrder;
import org.mianzheng.api.WorkOrderState;

/** A mutable copy of a work order for building its next version. */
final class Draft {
    private final WorkOrder o;
    Complexity complexity;
    WorkOrderState state;
    int ruleVersion;
    Instant answerDueAt;
    Instant returnDueAt;
    boolean provisional;
    Instant acceptedAt;
    Instant closedAt;
    String closedBy;
    DocumentFile result;
    String returnReason;
    String transferSuggestion;
    String transferredTo;
    String externalId;

    Draft(WorkOrder o) {
        this.o = o;
        complexity = o.complexity();
        state = o.state();
        ruleVersion = o.ruleVersion();
        answerDueAt = o.answerDueAt();
        returnDueAt = o.returnDueAt();
        provisional = o.provisional();
        acceptedAt = o.acceptedAt();
        closedAt = o.closedAt();
        closedBy = o.closedBy();
        result = o.result();
        returnReason = o.returnReason();
        transferSuggestion = o.transferSuggestion();
        transferredTo = o.transferredTo();
        externalId = o.externalId();
    }

    WorkOrder next() {
        return new WorkOrder(o.id(), o.version() + 1, o.kind(), o.origin(), complexity, state, o.itemCode(), o.bizNo(), o.materialCode(),
                o.materialName(), o.toDepartment(), o.applicant(), o.applicantName(), o.requestedBy(), o.purpose(), o.createdAt(), ruleVersion,
                answerDueAt, returnDueAt, provisional, acceptedAt, closedAt, closedBy, result, returnReason, transferSuggestion, o.transferredFrom(),
                transferredTo, externalId);
    }
}
