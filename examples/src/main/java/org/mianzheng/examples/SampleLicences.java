package org.mianzheng.examples;

import org.mianzheng.api.HolderId;

/** Sample electronic licences of the demo applicants, keyed to the sample catalog's licence types. */
public final class SampleLicences {
    /** 居民身份证 type code in the sample catalog. */
    public static final String ID_CARD = type("JMSFZ");
    /** 不动产权证书 type code. */
    public static final String PROPERTY = type("BDCQZS");
    /** 营业执照 type code. */
    public static final String BUSINESS_LICENCE = type("YYZZ");
    /** 居民户口簿 type code. */
    public static final String HOUSEHOLD = type("JMHKB");

    private SampleLicences() {
    }

    private static final class Doc {
        static final org.mianzheng.api.CatalogDocument DOC = SampleCatalog.document();
    }

    private static String type(String name) {
        String n = switch (name) {
            case "JMSFZ" -> "居民身份证";
            case "BDCQZS" -> "不动产权证书";
            case "YYZZ" -> "营业执照";
            default -> "居民户口簿";
        };
        return Doc.DOC.licenseTypes().stream().filter(t -> t.name().equals(n)).findFirst().orElseThrow().code();
    }

    /** @return the regional platform as an in-process source: ID cards and household registers only */
    public static InProcessSource oneWindow() {
        return new InProcessSource("onewindow")
                .add(HolderId.resident("11010519491231002X"), "张三", ID_CARD, "11010519491231002X", "北京市公安局西城分局")
                .add(HolderId.resident("11010519491231002X"), "张三", HOUSEHOLD, "HK150302000123", "乌海市公安局海勃湾区分局")
                .unavailable(PROPERTY);
    }

    /** @return the city system as an in-process source: property certificates too */
    public static InProcessSource cityHub() {
        return new InProcessSource("cityhub")
                .add(HolderId.resident("11010519491231002X"), "张三", ID_CARD, "11010519491231002X", "北京市公安局西城分局")
                .add(HolderId.resident("11010519491231002X"), "张三", PROPERTY, "蒙(2021)乌海市不动产权第0012345号", "乌海市不动产登记中心");
    }
}
