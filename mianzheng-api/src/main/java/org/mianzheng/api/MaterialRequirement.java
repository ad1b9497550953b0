package org.mianzheng.api;

/**
 * 材料: one material a service item requires, with its issuer, legal basis and exemption.
 *
 * @param code            material code, unique within its item
 * @param name            name, e.g. 营业执照
 * @param kind            licence, file approval or certification
 * @param licenseTypeCode for {@link MaterialKind#ELECTRONIC_LICENSE}: the licence type; otherwise {@code null}
 * @param issuer          who issues it
 * @param legalBasis      the law or regulation that requires it (Art. 11(2): no material without legal basis)
 * @param exemption       whether and how it is obtained instead of submitted
 * @param riskCategory    an Art. 3 high-risk category, or {@code null}
 */
public record MaterialRequirement(String code, String name, MaterialKind kind, String licenseTypeCode, Issuer issuer,
                                  String legalBasis, Exemption exemption, RiskCategory riskCategory) {
    /** Validating constructor. */
    public MaterialRequirement {
        code = Codes.require(code, "material.code");
        name = InvalidValueException.requireText(name, "material.name");
        InvalidValueException.requireNonNull(kind, "material.kind");
        InvalidValueException.requireNonNull(issuer, "material.issuer");
        if (legalBasis == null || legalBasis.isBlank()) {
            throw new InvalidValueException("material.legalBasis",
                    "a material needs a legal basis (Art. 11(2): no material may be added without one)");
        }
        legalBasis = legalBasis.strip();
        exemption = exemption == null ? Exemption.NONE : exemption;
        if (kind == MaterialKind.ELECTRONIC_LICENSE) {
            if (licenseTypeCode == null) {
                throw new InvalidValueException("material.licenseTypeCode", "an electronic licence material names its licence type");
            }
            licenseTypeCode = new LicenseType(licenseTypeCode, "-", HolderKind.PERSON).code();
            if (exemption.mode() == RetrievalMode.DIRECTED) {
                throw new InvalidValueException("material.exemption.mode", "electronic licences are retrieved, not requested by work order");
            }
        } else if (licenseTypeCode != null) {
            throw new InvalidValueException("material.licenseTypeCode", "only electronic licence materials have a licence type");
        }
        if (exemption.mode() == RetrievalMode.DIRECTED && !issuer.inCity()) {
            throw new InvalidValueException("material.exemption.mode", "a directed request goes to a department of the city");
        }
    }
}
