package org.mianzheng.api;

/** The three kinds of 证照证明材料 of Art. 2. */
public enum MaterialKind {
    /** 电子证照: retrieved through onewindow or cityhub. */
    ELECTRONIC_LICENSE,
    /** 文件批复: verified online when connected, otherwise by a directed verification request. */
    FILE_APPROVAL,
    /** 证明事项: issued online when connected, otherwise by a directed certification request. */
    CERTIFICATION
}
