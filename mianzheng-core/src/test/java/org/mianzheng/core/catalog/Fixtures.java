package org.mianzheng.core.catalog;

/** A small catalog covering every plan outcome. */
public final class Fixtures {
    private Fixtures() {
    }

    /**
     * Loads {@link #CATALOG} and registers the accounts the tests use: {@code clerk7} and {@code op} (catalog admins of
     * SCJGJ), {@code clerk1} and {@code clerk2} (window clerks at W01/W02 of ZWFWJ), {@code sup} (supervisor),
     * {@code verifier-zjj} (department verifier of ZJJ).
     *
     * @param mz the engine
     */
    public static void loadWithAccounts(org.mianzheng.core.Mianzheng mz) {
        mz.catalog().file(load());
        var a = mz.accounts();
        java.util.Set<org.mianzheng.api.Role> admin = java.util.Set.of(org.mianzheng.api.Role.CATALOG_ADMIN);
        java.util.Set<org.mianzheng.api.Role> clerk = java.util.Set.of(org.mianzheng.api.Role.WINDOW_CLERK);
        a.register("clerk7", "王七", "SCJGJ", null, admin, "admin1", "市行政审批和政务服务局");
        a.register("op", "赵六", "SCJGJ", null, admin, "admin1", "市行政审批和政务服务局");
        a.register("clerk1", "李一", "ZWFWJ", "W01", clerk, "admin1", "市行政审批和政务服务局");
        a.register("clerk2", "李二", "ZWFWJ", "W02", clerk, "admin1", "市行政审批和政务服务局");
        a.register("sup", "孙监督", "ZWFWJ", null, java.util.Set.of(org.mianzheng.api.Role.SUPERVISOR), "admin1", "市行政审批和政务服务局");
        a.register("verifier-zjj", "周核验", "ZJJ", null, java.util.Set.of(org.mianzheng.api.Role.DEPARTMENT_VERIFIER), "admin1",
                "市行政审批和政务服务局");
        a.register("verifier-scjgj", "吴核验", "SCJGJ", null, java.util.Set.of(org.mianzheng.api.Role.DEPARTMENT_VERIFIER), "admin1",
                "市行政审批和政务服务局");
        a.register("verifier-gaj", "郑核验", "GAJ", null, java.util.Set.of(org.mianzheng.api.Role.DEPARTMENT_VERIFIER), "admin1",
                "市行政审批和政务服务局");
    }

    /** @return the initial filing of {@link #CATALOG} by the bureau */
    public static org.mianzheng.api.FilingRequest load() {
        return new org.mianzheng.api.FilingRequest("ZWFWJ", "admin1", "初始目录", "乌海市免证办工作运行规则第十六条",
                java.util.List.of(new org.mianzheng.api.CatalogChange.ReplaceAll(CatalogJson.parse(CATALOG))));
    }

    public static final String BUREAU_CREDIT_CODE = "11150300MB14571840";

    public static final String CATALOG = """
            {
              "schemaVersion": 1,
              "departments": [
                {"code": "ZWFWJ", "name": "乌海市行政审批和政务服务局", "level": "CITY", "creditCode": "11150300MB14571840"},
                {"code": "SCJGJ", "name": "乌海市市场监督管理局", "level": "CITY", "parent": "ZWFWJ"},
                {"code": "ZJJ", "name": "乌海市住房和城乡建设局", "level": "CITY"},
                {"code": "GAJ", "name": "乌海市公安局", "level": "CITY"}
              ],
              "licenseTypes": [
                {"code": "YYZZ", "name": "营业执照", "holderKind": "ORGANISATION"},
                {"code": "JMSFZ", "name": "居民身份证", "holderKind": "PERSON"}
              ],
              "items": [
                {"code": "SC001", "name": "食品经营许可", "department": "SCJGJ", "level": "CITY", "handling": "COMMITMENT",
                 "materials": [
                   {"code": "YYZZ", "name": "营业执照", "kind": "ELECTRONIC_LICENSE", "licenseType": "YYZZ",
                    "issuer": {"department": "SCJGJ"}, "legalBasis": "《市场主体登记管理条例》",
                    "exemption": {"mode": "DATA_CALL", "channels": ["onewindow", "cityhub"]}},
                   {"code": "SFZ", "name": "居民身份证", "kind": "ELECTRONIC_LICENSE", "licenseType": "JMSFZ",
                    "issuer": {"department": "GAJ"}, "legalBasis": "《居民身份证法》", "exemption": {"mode": "DATA_CALL"}},
                   {"code": "ZSZM", "name": "住所使用证明", "kind": "CERTIFICATION",
                    "issuer": {"department": "ZJJ"}, "legalBasis": "《促进个体工商户发展条例》", "exemption": {"mode": "DIRECTED"}},
                   {"code": "WFZM", "name": "无房证明", "kind": "CERTIFICATION",
                    "issuer": {"department": "ZJJ"}, "legalBasis": "《公共租赁住房管理办法》", "exemption": {"mode": "DATA_VERIFY"}},
                   {"code": "ZD", "name": "管理制度文本", "kind": "CERTIFICATION",
                    "issuer": {"applicant": true}, "legalBasis": "《办法》第十二条"},
                   {"code": "BA", "name": "备案回执", "kind": "FILE_APPROVAL",
                    "issuer": {"department": "ZJJ"}, "legalBasis": "《办法》第十三条"},
                   {"code": "AQ", "name": "安全生产许可", "kind": "CERTIFICATION", "riskCategory": "PRODUCTION_SAFETY",
                    "issuer": {"department": "GAJ"}, "legalBasis": "《安全生产法》", "exemption": {"mode": "DIRECTED"}},
                   {"code": "XL", "name": "学历证书", "kind": "CERTIFICATION",
                    "issuer": {"name": "外地院校", "inCity": false, "verifiableOnline": false}, "legalBasis": "《条例》"},
                   {"code": "ZG", "name": "资格证书", "kind": "CERTIFICATION",
                    "issuer": {"name": "国家部委", "inCity": false, "verifiableOnline": true}, "legalBasis": "《条例》",
                    "exemption": {"mode": "DATA_VERIFY", "channels": ["onewindow"]}}
                 ]},
                {"code": "SC002", "name": "小额贷款公司设立初审", "department": "SCJGJ", "level": "CITY", "handling": "COMMITMENT",
                 "reviewLevel": "REGION",
                 "materials": [
                   {"code": "YYZZ", "name": "营业执照", "kind": "ELECTRONIC_LICENSE", "licenseType": "YYZZ",
                    "issuer": {"department": "SCJGJ"}, "legalBasis": "《办法》", "exemption": {"mode": "DATA_CALL"}}
                 ]},
                {"code": "ZJ001", "name": "公共租赁住房申请", "department": "ZJJ", "level": "CITY", "handling": "IMMEDIATE",
                 "materials": [
                   {"code": "SFZ", "name": "居民身份证", "kind": "ELECTRONIC_LICENSE", "licenseType": "JMSFZ",
                    "issuer": {"department": "GAJ"}, "legalBasis": "《居民身份证法》", "exemption": {"mode": "DATA_CALL"}},
                   {"code": "PF", "name": "规划批复", "kind": "FILE_APPROVAL",
                    "issuer": {"department": "SCJGJ"}, "legalBasis": "《城乡规划法》", "exemption": {"mode": "DIRECTED"}},
                   {"code": "SRZM", "name": "收入证明", "kind": "CERTIFICATION",
                    "issuer": {"department": "GAJ"}, "legalBasis": "《公共租赁住房管理办法》", "exemption": {"mode": "DIRECTED"}},
                   {"code": "WFZM", "name": "无房证明", "kind": "CERTIFICATION",
                    "issuer": {"department": "ZJJ"}, "legalBasis": "《公共租赁住房管理办法》", "exemption": {"mode": "DATA_VERIFY"}}
                 ]}
              ]
            }
            """;
}
