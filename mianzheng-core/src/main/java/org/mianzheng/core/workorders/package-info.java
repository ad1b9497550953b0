/**
 * Directed requests under SLA: work orders, the SLA rule table, deadline computation in working or natural time,
 * warnings and escalations through the notifier, calendar updates with a dry run, and the mirror of orders carried
 * by a directed-request channel.
 */
package org.mianzheng.core.workorders;
