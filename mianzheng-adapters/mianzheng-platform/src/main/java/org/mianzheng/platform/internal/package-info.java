/**
 * Unsupported internals shared by the mianzheng platform clients and the simulator (exported only to them): the
 * HTTP transport with size limits, concurrency limit and jittered retry, token caching, envelope and licence mapping.
 */
package org.mianzheng.platform.internal;
