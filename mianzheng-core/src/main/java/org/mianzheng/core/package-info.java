/**
 * The engine's entry point, {@link org.mianzheng.core.Mianzheng}: build it once with the clock, stores and
 * adapters registered explicitly, then reach every capability through it.
 */
package org.mianzheng.core;
