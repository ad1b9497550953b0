package org.mianzheng.simulator;

/** Every route of the simulated platforms, with its path below the platform's base URL. */
public enum Route {
    /** onewindow token login. */
    ONEWINDOW_TOKEN(Platform.ONEWINDOW, "/api/v1/auth/token"),
    /** onewindow authorisation → use codes. */
    ONEWINDOW_AUTH(Platform.ONEWINDOW, "/api/v1/license/auth"),
    /** onewindow surface data. */
    ONEWINDOW_GET(Platform.ONEWINDOW, "/api/v1/license/get"),
    /** onewindow licence file. */
    ONEWINDOW_ARCHIVE(Platform.ONEWINDOW, "/api/v1/license/archive"),
    /** cityhub token login. */
    CITYHUB_TOKEN(Platform.CITYHUB, "/gateway/auth/token"),
    /** cityhub query by holder. */
    CITYHUB_QUERY(Platform.CITYHUB, "/gateway/license/query"),
    /** cityhub licence file. */
    CITYHUB_DOWNLOAD(Platform.CITYHUB, "/gateway/license/download"),
    /** cityhub data verification. */
    CITYHUB_VERIFY(Platform.CITYHUB, "/gateway/license/verify"),
    /** cityhub directed request: create. */
    CITYHUB_DIRECTED_CREATE(Platform.CITYHUB, "/gateway/directed/create"),
    /** cityhub directed request: status. */
    CITYHUB_DIRECTED_QUERY(Platform.CITYHUB, "/gateway/directed/query"),
    /** cityhub directed request: result file. */
    CITYHUB_DIRECTED_RESULT(Platform.CITYHUB, "/gateway/directed/result"),
    /** cityhub directed request: cancel. */
    CITYHUB_DIRECTED_CANCEL(Platform.CITYHUB, "/gateway/directed/cancel");

    /** The two simulated platforms and their path prefixes on the simulator's port. */
    public enum Platform {
        /** The regional 综合一窗 platform, under {@code /onewindow}. */
        ONEWINDOW("/onewindow"),
        /** The city 数据调用核验系统, under {@code /cityhub}. */
        CITYHUB("/cityhub");

        private final String prefix;

        Platform(String prefix) {
            this.prefix = prefix;
        }

        /** @return path prefix */
        public String prefix() {
            return prefix;
        }
    }

    private final Platform platform;
    private final String path;

    Route(Platform platform, String path) {
        this.platform = platform;
        this.path = path;
    }

    /** @return the platform */
    public Platform platform() {
        return platform;
    }

    /** @return path below the platform's base URL */
    public String path() {
        return path;
    }

    /** @return path on the simulator's port */
    public String fullPath() {
        return platform.prefix() + path;
    }

    /** @return whether this is a login route */
    public boolean login() {
        return this == ONEWINDOW_TOKEN || this == CITYHUB_TOKEN;
    }

    /**
     * @param fullPath a request path
     * @return the route, or {@code null}
     */
    public static Route of(String fullPath) {
        for (Route r : values()) {
            if (r.fullPath().equals(fullPath)) {
                return r;
            }
        }
        return null;
    }
}
