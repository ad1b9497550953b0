/**
 * For tests and simulators only — never for production keys or time: a throw-away PKI
 * ({@link org.mianzheng.seal.testkit.TestPki}), an RFC 3161 time-stamping authority
 * ({@link org.mianzheng.seal.testkit.TestTimestampAuthority}) and a remote signing service
 * ({@link org.mianzheng.seal.testkit.RemoteSigningServer}), both HTTP servers on a loopback port chosen by the
 * operating system (JDK {@code com.sun.net.httpserver}; they switch on {@code sun.net.httpserver.nodelay} unless it is
 * set). Keys live in memory and are generated per run.
 */
package org.mianzheng.seal.testkit;
