package org.mianzheng.api;

/** How the catalog says a material is obtained instead of being handed in. */
public enum RetrievalMode {
    /** 数据调用: the data or file is retrieved through the channels (onewindow, then cityhub). */
    DATA_CALL,
    /** 数据核验: the data the applicant declared is verified online through cityhub. */
    DATA_VERIFY,
    /** 定向核验/定向开具: a directed request (work order) to the issuing department. */
    DIRECTED,
    /** Not exempt: the material is not in the 免证办 catalog and the applicant submits it. */
    NONE
}
