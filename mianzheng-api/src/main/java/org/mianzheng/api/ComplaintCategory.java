package org.mianzheng.api;

/** What a complaint about 免证办 service is about. */
public enum ComplaintCategory {
    /** The applicant was asked for a material the catalog exempts (see Art. 11(5)). */
    ORIGINALS_DEMANDED("已免证材料仍被索要"),
    /** 免证办 was refused or not offered for an item in the catalog (Art. 11(1)). */
    SERVICE_REFUSED("应免未免、拒不推行"),
    /** A material was demanded that the item does not require (Art. 11(2)). */
    EXTRA_MATERIAL("擅自增加材料"),
    /** A directed verification or certification took too long (Art. 10). */
    DELAY("核验开具超时"),
    /** Retrieved or issued data was wrong (Art. 11(6), Art. 14). */
    DATA_ERROR("数据内容失实"),
    /** Data used for another purpose or retrieved improperly (Art. 11(7), Art. 15). */
    DATA_MISUSE("数据违规使用"),
    /** An opinion or suggestion (12345), or anything else. */
    OTHER("其他意见建议");

    private final String chinese;

    ComplaintCategory(String chinese) {
        this.chinese = chinese;
    }

    /** @return the label in Chinese */
    public String chinese() {
        return chinese;
    }
}
