package org.mianzheng.simulator;

import java.time.LocalDate;
import java.util.Map;
import org.mianzheng.api.Digests;
import org.mianzheng.api.FileType;
import org.mianzheng.api.LicenseIdentifier;
import org.mianzheng.api.LicenseStatus;

/**
 * A seeded licence with its file.
 *
 * @param identifier GB/T 36904 identifier
 * @param typeCode   licence type code
 * @param typeName   licence type name
 * @param number     证照编号
 * @param holder     holder
 * @param issuerName issuing unit
 * @param issuedOn   issue date
 * @param validFrom  validity start
 * @param validUntil validity end, {@code null} = 长期
 * @param status     status
 * @param surface    surface data
 * @param fileType   file type (PDF or PNG)
 * @param file       file content
 */
public record SampleLicense(LicenseIdentifier identifier, String typeCode, String typeName, String number, SampleHolder holder, String issuerName,
                            LocalDate issuedOn, LocalDate validFrom, LocalDate validUntil, LicenseStatus status, Map<String, String> surface,
                            FileType fileType, byte[] file) {
    /** Validating constructor: copies. */
    public SampleLicense {
        surface = Map.copyOf(surface);
        file = file.clone();
    }

    @Override
    public byte[] file() {
        return file.clone();
    }

    /** @return hex SHA-256 of the file */
    public String sha256() {
        return Digests.sha256Hex(file);
    }

    @Override
    public String toString() {
        return "SampleLicense[" + typeCode + ", " + holder.id() + ", " + status + "]";
    }
}
