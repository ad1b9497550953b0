/**
 * {@link org.mianzheng.api.spi.SigningProvider} implementations: a software key from PKCS#12 or PEM (RSA &ge; 2048,
 * ECDSA P-256), SM2 with SM3 (BouncyCastle, SM2 user ID always set), a PKCS#11 token through SunPKCS11, and a remote
 * signing service over HTTP. Each is thread-safe and checks at construction that its key matches its certificate.
 */
package org.mianzheng.seal.signing;
