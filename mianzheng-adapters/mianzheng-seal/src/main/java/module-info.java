/**
 * mianzheng receipts (Art. 13, 14): PDF/A-2b receipt with the special seal and voucher number, PAdES signatures
 * through pluggable signing providers, RFC 3161 time-stamping, offline verification.
 */
module org.mianzheng.seal {
    requires transitive org.mianzheng.api;
    requires org.slf4j;
    requires org.apache.pdfbox;
    requires org.apache.fontbox;
    requires org.apache.pdfbox.io;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.util;
    requires java.desktop;
    requires transitive java.net.http;
    requires jdk.httpserver;

    exports org.mianzheng.seal;
    exports org.mianzheng.seal.pades;
    exports org.mianzheng.seal.signing;
    exports org.mianzheng.seal.verify;
    exports org.mianzheng.seal.store;
    exports org.mianzheng.seal.testkit;
}
