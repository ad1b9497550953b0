package org.mianzheng.api;

/** Keeping a copy for the archive (Art. 10(一)): an explicit, audited act. */
public enum ArchiveAct {
    /** 下载: the file is handed to the approval system's archive. */
    DOWNLOAD,
    /** 打印: the file is printed for the paper archive. */
    PRINT
}
