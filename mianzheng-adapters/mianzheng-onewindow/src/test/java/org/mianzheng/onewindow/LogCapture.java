package org.mianzheng.onewindow;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures everything written to System.err, where slf4j-simple writes in these tests (see the surefire
 * configuration: {@code org.slf4j.simpleLogger.logFile=System.err}, level debug). Installed once per JVM.
 */
final class LogCapture {
    private static final StringBuffer BUFFER = new StringBuffer();

    static {
        PrintStream original = System.err;
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                BUFFER.append((char) b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                BUFFER.append(new String(b, off, len, StandardCharsets.UTF_8));
            }
        }, true, StandardCharsets.UTF_8));
    }

    private LogCapture() {
    }

    static void install() {
        // the static initialiser does the work
    }

    static String text() {
        return BUFFER.toString();
    }
}
