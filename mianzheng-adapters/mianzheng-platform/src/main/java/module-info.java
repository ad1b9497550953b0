/**
 * What the platform clients share: configuration, request signing, profile parsing, and (for the mianzheng
 * adapter modules only) the internal HTTP transport.
 */
@SuppressWarnings("module") // the qualified export names modules built after this one
module org.mianzheng.platform {
    requires transitive org.mianzheng.api;
    requires transitive java.net.http;
    requires transitive com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires static org.bouncycastle.provider;

    exports org.mianzheng.platform;
    exports org.mianzheng.platform.internal to org.mianzheng.onewindow, org.mianzheng.cityhub, org.mianzheng.simulator;
}
