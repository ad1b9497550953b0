package org.mianzheng.api;

/**
 * Art. 3 categories of high-risk certifications that are outside 免证办: the applicant still submits them.
 */
public enum RiskCategory {
    /** 国家机密. */
    NATIONAL_SECRET("国家机密"),
    /** 公共安全. */
    PUBLIC_SECURITY("公共安全"),
    /** 安全生产. */
    PRODUCTION_SAFETY("安全生产"),
    /** 生态环保. */
    ECO_ENVIRONMENT("生态环保"),
    /** 审慎监管. */
    PRUDENT_SUPERVISION("审慎监管"),
    /** 直接关系人身健康、生命财产安全. */
    HEALTH_LIFE_PROPERTY("人身健康、生命财产安全");

    private final String chinese;

    RiskCategory(String chinese) {
        this.chinese = chinese;
    }

    /** @return the category as the notice names it */
    public String chinese() {
        return chinese;
    }
}
