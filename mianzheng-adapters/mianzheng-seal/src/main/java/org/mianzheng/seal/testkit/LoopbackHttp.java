package org.mianzheng.seal.testkit;

/** Settings shared by the test servers. */
final class LoopbackHttp {
    private LoopbackHttp() {
    }

    /**
     * Turns on {@code TCP_NODELAY} for the JDK HTTP server ({@code sun.net.httpserver.nodelay}) unless the host set
     * the property: without it, Nagle's algorithm and delayed acknowledgements add about 40 ms to every small
     * request/response exchange on loopback. Read once, when the first JDK HTTP server of the JVM starts.
     */
    static void noDelay() {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }
}
