/**
 * Offline verification of receipts: {@link org.mianzheng.seal.verify.ReceiptVerifier} reports each check separately
 * in a {@link org.mianzheng.seal.verify.VerificationReport}.
 */
package org.mianzheng.seal.verify;
