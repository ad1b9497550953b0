/**
 * What embedders use: immutable value records (holders, identifiers, service items, materials, cases, plans),
 * the facade interfaces the engine implements, and the {@link org.mianzheng.api.MianzhengException} tree.
 *
 * <p>Every value validates in its constructor and copies collections defensively; identity numbers are masked in
 * {@code toString()} and in every exception message. Adapter contracts live in {@link org.mianzheng.api.spi}.
 */
package org.mianzheng.api;
