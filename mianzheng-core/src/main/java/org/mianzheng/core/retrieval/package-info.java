/**
 * Consent-bound retrieval: the channel chain with per-channel timeouts, an overall deadline and circuit breakers,
 * the licence cache, the declared-data comparison (Art. 15), archive copies, and the misuse guard (Art. 11(7)).
 */
package org.mianzheng.core.retrieval;
