/** Operator accounts, roles and department liaisons (Art. 9); the engine's authorisation checks. */
package org.mianzheng.core.accounts;
