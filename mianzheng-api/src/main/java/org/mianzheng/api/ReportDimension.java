package org.mianzheng.api;

/** The breakdowns of a {@link UsageReport} (Art. 18: 通报 per department, window, operator, channel, licence type). */
public enum ReportDimension {
    /** 审批服务单位: the item's department; for directed requests, the receiving department. */
    DEPARTMENT("部门"),
    /** The window a case was opened at. */
    WINDOW("窗口"),
    /** The operator account that acted (or requested, for directed requests). */
    OPERATOR("经办人"),
    /** The retrieval channel ({@code onewindow}, {@code cityhub}). */
    CHANNEL("渠道"),
    /** The licence type of an electronic-licence material. */
    LICENSE_TYPE("证照类型");

    private final String chinese;

    ReportDimension(String chinese) {
        this.chinese = chinese;
    }

    /** @return the label in Chinese */
    public String chinese() {
        return chinese;
    }
}
