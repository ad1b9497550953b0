/**
 * In-memory implementations of the store SPIs: the defaults for tests and single-process demos. They lose
 * everything when the process ends; production uses {@code mianzheng-store-jdbc}.
 */
package org.mianzheng.core.store;
