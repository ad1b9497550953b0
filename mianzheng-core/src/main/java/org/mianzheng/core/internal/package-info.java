/** Unsupported internals: may change in any release without notice. Not exported. */
package org.mianzheng.core.internal;
