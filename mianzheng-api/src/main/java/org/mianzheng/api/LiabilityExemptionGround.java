package org.mianzheng.api;

/** The five grounds of Art. 12 on which a unit or window staff is exempted from liability (免于追责). */
public enum LiabilityExemptionGround {
    /** Art. 12(1): the measure follows national, regional and city reform decisions. */
    REFORM_DIRECTION("Art. 12(1)", "推行免证办服务举措符合国家、自治区决策部署要求以及市委、市政府确定的改革方向"),
    /** Art. 12(2): data obtained lawfully was wrong, the error was corrected in time. */
    SOURCE_DATA_ERROR_CORRECTED("Art. 12(2)", "依法依规获取的数据资源内容失实导致办理结果出现差错，但及时采取补救措施予以纠正"),
    /** Art. 12(3): an innovative measure caused an error, remedied in time. */
    INNOVATION_ERROR_REMEDIED("Art. 12(3)", "探索创新实施免证办服务举措致使办理结果出现一定差错，但及时采取补救措施消除不良影响或有效阻止危害结果发生"),
    /** Art. 12(4): a lawful, scientific and democratic decision that broke no prohibition or duty. */
    LAWFUL_DECISION("Art. 12(4)", "依法经过科学民主决策，未违反法律法规和规章规定的禁止性、义务性条款"),
    /** Art. 12(5): any other case where the law excludes liability. */
    OTHER_LAWFUL_GROUND("Art. 12(5)", "其他依规依法不予追究责任的情形");

    private final String article;
    private final String chinese;

    LiabilityExemptionGround(String article, String chinese) {
        this.article = article;
        this.chinese = chinese;
    }

    /** @return the article, e.g. {@code Art. 12(2)} */
    public String article() {
        return article;
    }

    /** @return the ground as the rules word it */
    public String chinese() {
        return chinese;
    }
}
