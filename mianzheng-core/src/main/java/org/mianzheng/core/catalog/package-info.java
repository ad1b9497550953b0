/**
 * The exemption catalog (免证办目录): JSON loading ({@link org.mianzheng.core.catalog.CatalogJson}, format in
 * {@code docs/catalog.md}), versioned filings (Art. 16) and plan computation (Art. 3, 5, 16).
 */
package org.mianzheng.core.catalog;
