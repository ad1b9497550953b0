package org.mianzheng.store.jdbc;

import org.mianzheng.tck.AuditStoreContractKit;
import org.mianzheng.tck.CaseStoreContractKit;
import org.mianzheng.tck.CatalogStoreContractKit;
import org.mianzheng.tck.ComplaintStoreContractKit;
import org.mianzheng.tck.ConsentStoreContractKit;
import org.mianzheng.tck.OperatorStoreContractKit;
import org.mianzheng.tck.ViolationReviewStoreContractKit;
import org.mianzheng.tck.ViolationStoreContractKit;
import org.mianzheng.tck.VoucherRegistryContractKit;
import org.mianzheng.tck.VoucherSequenceContractKit;
import org.mianzheng.tck.WorkOrderStoreContractKit;
import org.junit.jupiter.api.Nested;
import org.mianzheng.api.spi.AuditStore;
import org.mianzheng.api.spi.CaseStore;
import org.mianzheng.api.spi.CatalogStore;
import org.mianzheng.api.spi.ComplaintStore;
import org.mianzheng.api.spi.ConsentStore;
import org.mianzheng.api.spi.OperatorStore;
import org.mianzheng.api.spi.ViolationReviewStore;
import org.mianzheng.api.spi.ViolationStore;
import org.mianzheng.api.spi.VoucherRegistry;
import org.mianzheng.api.spi.VoucherSequence;
import org.mianzheng.api.spi.WorkOrderStore;
import org.mianzheng.core.store.InMemoryAuditStore;
import org.mianzheng.core.store.InMemoryCaseStore;
import org.mianzheng.core.store.InMemoryCatalogStore;
import org.mianzheng.core.store.InMemoryComplaintStore;
import org.mianzheng.core.store.InMemoryConsentStore;
import org.mianzheng.core.store.InMemoryOperatorStore;
import org.mianzheng.core.store.InMemoryViolationReviewStore;
import org.mianzheng.core.store.InMemoryViolationStore;
import org.mianzheng.core.store.InMemoryWorkOrderStore;
import org.mianzheng.seal.store.InMemoryVoucherRegistry;
import org.mianzheng.seal.store.InMemoryVoucherSequence;

/** The contract kits against the in-memory stores of {@code mianzheng-core} and {@code mianzheng-seal}. */
class InMemoryStoresContractTest {
    @Nested
    class Audit extends AuditStoreContractKit {
        @Override
        protected AuditStore newStore() {
            return new InMemoryAuditStore();
        }
    }

    @Nested
    class Catalog extends CatalogStoreContractKit {
        @Override
        protected CatalogStore newStore() {
            return new InMemoryCatalogStore();
        }
    }

    @Nested
    class Cases extends CaseStoreContractKit {
        @Override
        protected CaseStore newStore() {
            return new InMemoryCaseStore();
        }
    }

    @Nested
    class Consents extends ConsentStoreContractKit {
        @Override
        protected ConsentStore newStore() {
            return new InMemoryConsentStore();
        }
    }

    @Nested
    class Operators extends OperatorStoreContractKit {
        @Override
        protected OperatorStore newStore() {
            return new InMemoryOperatorStore();
        }
    }

    @Nested
    class Violations extends ViolationStoreContractKit {
        @Override
        protected ViolationStore newStore() {
            return new InMemoryViolationStore();
        }
    }

    @Nested
    class WorkOrders extends WorkOrderStoreContractKit {
        @Override
        protected WorkOrderStore newStore() {
            return new InMemoryWorkOrderStore();
        }
    }

    /** The kit on a store that implements only what the SPI requires: the SPI's default methods are checked too. */
    @Nested
    class WorkOrdersOnTheSpiDefaults extends WorkOrderStoreContractKit {
        @Override
        protected WorkOrderStore newStore() {
            InMemoryWorkOrderStore in = new InMemoryWorkOrderStore();
            return new WorkOrderStore() {
                @Override
                public void insert(org.mianzheng.api.WorkOrder order, java.util.List<WorkOrderStore.ScheduledAction> schedule) {
                    in.insert(order, schedule);
                }

                @Override
                public boolean update(org.mianzheng.api.WorkOrder order, java.util.List<WorkOrderStore.ScheduledAction> reschedule) {
                    return in.update(order, reschedule);
                }

                @Override
                public java.util.Optional<org.mianzheng.api.WorkOrder> find(String id) {
                    return in.find(id);
                }

                @Override
                public java.util.List<org.mianzheng.api.WorkOrder> open() {
                    return in.open();
                }

                @Override
                public java.util.List<org.mianzheng.api.WorkOrder> createdBetween(java.time.Instant from, java.time.Instant to) {
                    return in.createdBetween(from, to);
                }

                @Override
                public boolean markSent(String notificationId, java.time.Instant sentAt) {
                    return in.markSent(notificationId, sentAt);
                }

                @Override
                public boolean sent(String notificationId) {
                    return in.sent(notificationId);
                }

                @Override
                public void schedule(java.util.List<WorkOrderStore.ScheduledAction> actions) {
                    in.schedule(actions);
                }

                @Override
                public java.util.List<WorkOrderStore.ScheduledAction> scheduled(String orderId) {
                    return in.scheduled(orderId);
                }

                @Override
                public java.util.List<org.mianzheng.api.WorkOrder> openUnscheduled() {
                    return in.openUnscheduled();
                }

                @Override
                public java.util.List<WorkOrderStore.ScheduledAction> claimDue(java.time.Instant now, String claimant, java.time.Instant leaseUntil,
                                                                                      int limit) {
                    return in.claimDue(now, claimant, leaseUntil, limit);
                }

                @Override
                public java.util.Set<String> renew(String claimant, java.util.Collection<String> notificationIds, java.time.Instant leaseUntil) {
                    return in.renew(claimant, notificationIds, leaseUntil);
                }

                @Override
                public void release(String claimant, java.util.Collection<String> notificationIds) {
                    in.release(claimant, notificationIds);
                }

                @Override
                public void cancel(java.util.Collection<String> notificationIds) {
                    in.cancel(notificationIds);
                }
            };
        }
    }

    @Nested
    class Complaints extends ComplaintStoreContractKit {
        @Override
        protected ComplaintStore newStore() {
            return new InMemoryComplaintStore();
        }
    }

    @Nested
    class ViolationReviews extends ViolationReviewStoreContractKit {
        @Override
        protected ViolationReviewStore newStore() {
            return new InMemoryViolationReviewStore();
        }
    }

    @Nested
    class Vouchers extends VoucherRegistryContractKit {
        @Override
        protected VoucherRegistry newStore() {
            return new InMemoryVoucherRegistry();
        }
    }

    @Nested
    class VoucherNumbers extends VoucherSequenceContractKit {
        @Override
        protected VoucherSequence newStore() {
            return new InMemoryVoucherSequence();
        }

        @Override
        protected VoucherSequence secondNode() {
            return store; // unique within one JVM only: the "other node" is the same instance
        }
    }
}
