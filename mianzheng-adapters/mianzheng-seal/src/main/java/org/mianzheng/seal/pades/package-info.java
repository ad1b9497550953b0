/**
 * PAdES signatures of receipts: {@link org.mianzheng.seal.pades.PadesSigner} (levels B-B and B-T, CMS
 * {@code ETSI.CAdES.detached} built with BouncyCastle, signing-certificate-v2, no signing-time attribute, PDFBox
 * external signing) and RFC 3161 time-stamping ({@link org.mianzheng.seal.pades.TimestampClient},
 * {@link org.mianzheng.seal.pades.HttpTimestampClient}).
 */
package org.mianzheng.seal.pades;
