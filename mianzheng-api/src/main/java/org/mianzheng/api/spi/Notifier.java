package org.mianzheng.api.spi;

import org.mianzheng.api.Notification;

/**
 * Delivers notifications (SLA warnings, breaches, escalations, result pushes to online applicants, calendar
 * coverage alarms) by SMS, the approval system's inbox, e-mail...
 *
 * <p>Contract: thread-safe; may block briefly (the engine calls it from its scheduler thread). A notification whose
 * {@code send} throws is retried on the next sweep; one that returned is never sent again (its id is recorded).
 * Implementations should be idempotent on {@link Notification#id()} in case a node dies between sending and
 * recording.
 */
public interface Notifier {

    /** @param notification what to deliver */
    void send(Notification notification);
}
