package org.mianzheng.api;

/**
 * Kinds of misuse (Art. 11). Refusals are always recorded; flags are recorded and refused only if configured.
 */
public enum ViolationKind {
    /** Retrieval without any consent for the case. */
    NO_CONSENT("Art. 11(7)", "未经办事群众现场授权调取数据"),
    /** The consent had expired. */
    CONSENT_EXPIRED("Art. 11(7)", "授权已过期"),
    /** The consent was revoked. */
    CONSENT_REVOKED("Art. 11(7)", "授权已撤销"),
    /** The material is outside the consent's scope. */
    OUT_OF_CONSENT_SCOPE("Art. 11(7)", "调取材料超出授权范围"),
    /** The material is not one the item requires. */
    NOT_IN_ITEM("Art. 11(7)", "调取材料不属于办理事项所需材料"),
    /** No such account. */
    UNKNOWN_ACCOUNT("Art. 11(4)", "未登记账号使用系统"),
    /** The account was deregistered. */
    DEREGISTERED_ACCOUNT("Art. 11(4)", "已注销账号使用系统"),
    /** The account lacks the role for the act. */
    WRONG_ROLE("Art. 11(4)", "账号无相应权限"),
    /** One operator touched more distinct holders than allowed in the period. */
    BULK_HARVESTING("Art. 11(7)", "疑似批量调取数据"),
    /** Retrieval outside office hours. */
    OUTSIDE_OFFICE_HOURS("Art. 11(7)", "非工作时间调取数据"),
    /** Originals or copies demanded for an exempt material. */
    ORIGINALS_DEMANDED("Art. 11(5)", "已实施免证办事项仍索要证照证明材料原件或复印件"),
    /** Material added without legal basis. */
    MATERIAL_WITHOUT_LEGAL_BASIS("Art. 11(2)", "无法律法规依据擅自增加证照证明材料"),
    /** Material used for another purpose than the case. */
    PURPOSE_MISUSE("Art. 11(7)", "将出具的证照证明材料挪作其他用途");

    private final String article;
    private final String chinese;

    ViolationKind(String article, String chinese) {
        this.article = article;
        this.chinese = chinese;
    }

    /** @return the article it breaks */
    public String article() {
        return article;
    }

    /** @return description in Chinese */
    public String chinese() {
        return chinese;
    }
}
