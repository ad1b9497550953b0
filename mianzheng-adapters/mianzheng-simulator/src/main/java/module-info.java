/**
 * Simulator of the onewindow and cityhub reference platforms, with seeded sample data, a directed-request desk and
 * fault injection. Embeddable ({@link org.mianzheng.simulator.Simulator#start}) or standalone
 * ({@code java -jar mianzheng-simulator.jar --port 8460}).
 */
module org.mianzheng.simulator {
    requires transitive org.mianzheng.api;
    requires transitive org.mianzheng.platform;
    requires com.fasterxml.jackson.databind;
    requires jdk.httpserver;
    requires java.desktop;
    requires org.slf4j;
    requires org.bouncycastle.provider;

    exports org.mianzheng.simulator;
}
