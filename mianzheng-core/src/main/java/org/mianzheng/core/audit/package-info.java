/** The tamper-evident audit chain: hash-linked events, verification, audited reading. */
package org.mianzheng.core.audit;
