/**
 * Implementation details of the receipt module: BouncyCastle plumbing, CMS assembly, certificate path checks,
 * hexadecimal helpers. Not exported; unsupported; may change without notice.
 */
package org.mianzheng.seal.internal;
