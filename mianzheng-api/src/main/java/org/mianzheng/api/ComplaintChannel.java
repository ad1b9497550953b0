package org.mianzheng.api;

/** Where a complaint came in (Art. 21). */
public enum ComplaintChannel {
    /** The 办不成事反映 window of a government service centre. */
    WINDOW("办不成事反映窗口"),
    /** The 12345 hotline. */
    HOTLINE_12345("12345热线");

    private final String chinese;

    ComplaintChannel(String chinese) {
        this.chinese = chinese;
    }

    /** @return the label in Chinese */
    public String chinese() {
        return chinese;
    }
}
