/**
 * Configuration and signing shared by the platform clients ({@code mianzheng-onewindow}, {@code mianzheng-cityhub}):
 * {@link org.mianzheng.platform.PlatformConfig} (base URL, credentials, timeouts, retry, TLS, limits),
 * {@link org.mianzheng.platform.Signatures} (the documented canonical string and HMAC-SHA256 / SM3-HMAC), and the
 * building blocks of the JSON profiles ({@link org.mianzheng.platform.StatusTable},
 * {@link org.mianzheng.platform.LicenseFields}, {@link org.mianzheng.platform.FileFields},
 * {@link org.mianzheng.platform.EnvelopeFields}). Profiles are documented in {@code docs/adapters.md}.
 */
package org.mianzheng.platform;
