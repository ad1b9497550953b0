/**
 * What adapters implement: one small interface per capability (stores, licence sources, notifiers, signing
 * providers, ...). Each interface states its contract in its Javadoc: thread safety, blocking behaviour and the
 * exceptions it may throw. The engine guards every call: an exception or {@code null} from an adapter becomes an
 * {@link org.mianzheng.api.AdapterException} carrying the adapter id.
 */
package org.mianzheng.api.spi;
