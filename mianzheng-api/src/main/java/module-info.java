/**
 * mianzheng public API: immutable values, facade interfaces, the exception tree ({@code org.mianzheng.api})
 * and the service-provider interfaces adapters implement ({@code org.mianzheng.api.spi}).
 * Depends on the JDK only.
 */
module org.mianzheng.api {
    exports org.mianzheng.api;
    exports org.mianzheng.api.spi;
}
