/**
 * Contract test kits that adapter authors extend with a few lines, e.g.
 * {@link org.mianzheng.tck.LicenseSourceCompatibilityKit}.
 */
module org.mianzheng.tck {
    requires transitive org.mianzheng.api;
    requires transitive org.junit.jupiter.api;
    requires org.assertj.core;
    requires org.bouncycastle.provider;
    requires static org.mianzheng.simulator;

    exports org.mianzheng.tck;
    exports org.mianzheng.tck.simulator;
}
