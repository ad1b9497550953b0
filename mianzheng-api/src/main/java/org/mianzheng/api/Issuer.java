package org.mianzheng.api;

/**
 * Who issues a material. An issuer outside the city whose material cannot be verified online takes the material
 * out of 免证办 (Art. 3); a material the applicant prepares itself (a form, a declaration, a contract) is not issued
 * by a government body and is outside 免证办 by definition (Art. 2).
 *
 * @param departmentCode    the issuing department's code when it is a department of this city, else {@code null}
 * @param name              the issuer's name
 * @param inCity            whether the issuer is in the city
 * @param verifiableOnline  whether the material can be retrieved or verified online
 * @param applicantPrepared whether the applicant prepares the material itself (申请人自备)
 */
public record Issuer(String departmentCode, String name, boolean inCity, boolean verifiableOnline, boolean applicantPrepared) {
    /** The applicant itself (申请人自备). */
    public static final Issuer APPLICANT = new Issuer(null, "申请人自备", false, false, true);

    /** Validating constructor. */
    public Issuer {
        departmentCode = Codes.optional(departmentCode, "issuer.departmentCode");
        name = InvalidValueException.requireText(name, "issuer.name");
        if (!inCity && departmentCode != null) {
            throw new InvalidValueException("issuer.departmentCode", "an issuer outside the city has no city department code");
        }
        if (applicantPrepared && (departmentCode != null || verifiableOnline)) {
            throw new InvalidValueException("issuer.applicantPrepared", "a material the applicant prepares has no issuing department and no online source");
        }
    }

    /**
     * A government issuer.
     *
     * @param departmentCode   city department code or {@code null}
     * @param name             name
     * @param inCity           in the city
     * @param verifiableOnline verifiable online
     */
    public Issuer(String departmentCode, String name, boolean inCity, boolean verifiableOnline) {
        this(departmentCode, name, inCity, verifiableOnline, false);
    }
}
