/**
 * Client of the city 全市政务服务信息数据调用核验系统 (channel {@code cityhub}): a
 * {@link org.mianzheng.api.spi.LicenseSource} (query by holder, download file, verify data) and a
 * {@link org.mianzheng.api.spi.DirectedRequestChannel} (create, query, result, cancel), every field name
 * configurable by a JSON profile.
 */
module org.mianzheng.cityhub {
    requires transitive org.mianzheng.platform;
    requires org.slf4j;

    exports org.mianzheng.cityhub;
}
