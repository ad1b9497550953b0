package org.mianzheng.seal.pades;

/** PAdES baseline levels (ETSI EN 319 142-1) a receipt signature is made at. */
public enum PadesLevel {
    /** B-B: CAdES detached signature with signing-certificate-v2, signing time only claimed in the signature dictionary. */
    B_B,
    /** B-T: B-B plus an RFC 3161 signature time-stamp token over the signature value (unsigned attribute). */
    B_T
}
