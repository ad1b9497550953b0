package org.mianzheng.tck.simulator;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures everything written to System.err, where slf4j-simple writes in the adapter tests (see their surefire
 * configuration: {@code org.slf4j.simpleLogger.logFile=System.err}, level debug), and to System.out, where other
 * logging backends write by default. Installed once per JVM; what was written still reaches the original streams.
 */
public final class LogCapture {
    private static final StringBuffer BUFFER = new StringBuffer();

    static {
        System.setErr(capturing(System.err));
        System.setOut(capturing(System.out));
    }

    private static PrintStream capturing(PrintStream original) {
        return new PrintStream(new OutputStream() {
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
        }, true, StandardCharsets.UTF_8);
    }

    private LogCapture() {
    }

    /** Installs the capture (once per JVM; later calls do nothing). */
    public static void install() {
        // the static initialiser does the work
    }

    /**
     * Returns everything written to System.err and System.out since the capture was installed, by every test of the JVM:
     * remember its length before the calls a check is about, and look only at what follows.
     *
     * @return the captured text
     */
    public static String text() {
        return BUFFER.toString();
    }
}
