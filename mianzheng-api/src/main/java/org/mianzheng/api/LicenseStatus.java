package org.mianzheng.api;

/** Status of an electronic licence as its source reports it. Only {@link #VALID} licences are usable. */
public enum LicenseStatus {
    /** In force. */
    VALID,
    /** 已注销 / 已吊销. */
    REVOKED,
    /** Past its validity. */
    EXPIRED,
    /** Use restricted (e.g. frozen). */
    RESTRICTED
}
