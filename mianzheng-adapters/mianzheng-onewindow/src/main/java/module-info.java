/**
 * Client of the regional 综合一窗 platform (channel {@code onewindow}) as a
 * {@link org.mianzheng.api.spi.LicenseSource}: token login, {@code license/auth} → use codes, {@code license/get}
 * (surface data) and {@code license/archive} (file), every field name configurable by a JSON profile.
 */
module org.mianzheng.onewindow {
    requires transitive org.mianzheng.platform;
    requires org.slf4j;

    exports org.mianzheng.onewindow;
}
