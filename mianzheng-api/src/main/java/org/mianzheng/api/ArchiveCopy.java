package org.mianzheng.api;

import java.time.Instant;

/**
 * A copy of a retrieved licence file released for the archive.
 *
 * @param bizNo        the case
 * @param materialCode the material
 * @param act          download or print
 * @param operatorId   who
 * @param purpose      why (e.g. 审批部门业务科室存档)
 * @param at           when
 * @param file         the file
 */
public record ArchiveCopy(String bizNo, String materialCode, ArchiveAct act, String operatorId, String purpose, Instant at, DocumentFile file) {
    /** Validating constructor. */
    public ArchiveCopy {
        bizNo = Codes.require(bizNo, "bizNo");
        materialCode = Codes.require(materialCode, "materialCode");
        InvalidValueException.requireNonNull(act, "act");
        operatorId = Codes.require(operatorId, "operatorId");
        purpose = InvalidValueException.requireText(purpose, "purpose");
        InvalidValueException.requireNonNull(at, "at");
        InvalidValueException.requireNonNull(file, "file");
    }
}
