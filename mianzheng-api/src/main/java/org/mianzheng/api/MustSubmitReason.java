package org.mianzheng.api;

/**
 * Why a material must still be handed in, with the article of the operating rules it rests on.
 */
public enum MustSubmitReason {
    /** Art. 2: prepared by the applicant, not issued by a government body. */
    NOT_GOVERNMENT_ISSUED("申请人自备材料，非政府部门核发，需按要求提交", "Art. 2"),
    /** Art. 3: 国家机密. */
    NATIONAL_SECRET("涉及国家机密的证明事项不适用免证办", "Art. 3"),
    /** Art. 3: 公共安全. */
    PUBLIC_SECURITY("涉及公共安全的证明事项不适用免证办", "Art. 3"),
    /** Art. 3: 安全生产. */
    PRODUCTION_SAFETY("涉及安全生产的证明事项不适用免证办", "Art. 3"),
    /** Art. 3: 生态环保. */
    ECO_ENVIRONMENT("涉及生态环保的证明事项不适用免证办", "Art. 3"),
    /** Art. 3: 审慎监管. */
    PRUDENT_SUPERVISION("涉及审慎监管的证明事项不适用免证办", "Art. 3"),
    /** Art. 3: health, life and property. */
    HEALTH_LIFE_PROPERTY("直接关系人身健康、生命财产安全的证明事项不适用免证办", "Art. 3"),
    /** Art. 3: issued outside the city and not verifiable online. */
    OUTSIDE_CITY_NOT_VERIFIABLE("应由市外机构或组织出具且不能通过网络核验的证明材料不适用免证办", "Art. 3"),
    /** Art. 3: the item is reviewed at region level or above. */
    REVIEWED_AT_REGION_LEVEL("审核环节在自治区级及以上的事项不适用免证办", "Art. 3"),
    /** Art. 16: the material is not in the department's 免证办 catalog. */
    NOT_IN_CATALOG("该材料未纳入本单位免证办目录", "Art. 16"),
    /** Art. 5: neither platform could retrieve or verify it. */
    NO_CHANNEL_AVAILABLE("综合一窗受理平台及全市数据调用核验系统均无法调用或核验该材料数据", "Art. 5"),
    /** Art. 5: the licence was found but is revoked, expired or restricted. */
    LICENSE_NOT_USABLE("电子证照已注销、过期或受限，无法使用", "Art. 5"),
    /** Art. 15: retrieved data does not match what the applicant declared. */
    DATA_MISMATCH("调取信息与申请人填报信息不符，需补充相关材料", "Art. 15");

    private final String chinese;
    private final String article;

    MustSubmitReason(String chinese, String article) {
        this.chinese = chinese;
        this.article = article;
    }

    /** @return readable reason in Chinese, for the applicant and the clerk */
    public String chinese() {
        return chinese;
    }

    /** @return the article of the operating rules it rests on, e.g. {@code "Art. 3"} */
    public String article() {
        return article;
    }

    /**
     * @param category an Art. 3 category
     * @return the matching reason
     */
    public static MustSubmitReason of(RiskCategory category) {
        return switch (category) {
            case NATIONAL_SECRET -> NATIONAL_SECRET;
            case PUBLIC_SECURITY -> PUBLIC_SECURITY;
            case PRODUCTION_SAFETY -> PRODUCTION_SAFETY;
            case ECO_ENVIRONMENT -> ECO_ENVIRONMENT;
            case PRUDENT_SUPERVISION -> PRUDENT_SUPERVISION;
            case HEALTH_LIFE_PROPERTY -> HEALTH_LIFE_PROPERTY;
        };
    }
}
