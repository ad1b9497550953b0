package org.mianzheng.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An HTTP answer to write, and how to break it. */
record Answer(int status, Map<String, String> headers, byte[] body, Mode mode, int oversize) {
    enum Mode { NORMAL, RESET, HOLD, TRUNCATE, OVERSIZE }

    static Answer json(int status, byte[] body) {
        return new Answer(status, Map.of("Content-Type", "application/json; charset=utf-8"), body, Mode.NORMAL, 0);
    }

    static Answer text(int status, String text, Map<String, String> extra) {
        java.util.Map<String, String> h = new java.util.LinkedHashMap<>(extra);
        h.put("Content-Type", "text/plain; charset=utf-8");
        return new Answer(status, h, text.getBytes(StandardCharsets.UTF_8), Mode.NORMAL, 0);
    }

    Answer with(Mode m) {
        return new Answer(status, headers, body, m, oversize);
    }
}
