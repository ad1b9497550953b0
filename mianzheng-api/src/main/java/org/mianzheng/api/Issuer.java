package org.mianzheng.api;

/**
 * Who issues a material. An issuer outside the city whose material cannot be verified online takes the material
 * out of 免证办 (Art. 3).
 *
 * @param departmentCode    the issuing department's code when it is a department of this city, else {@code null}
 * @param name              the issuer's name
 * @param inCity            whether the issuer is in the city
 * @param verifiableOnline  whether the material can be retrieved or verified online
 */
public record Issuer(String departmentCode, String name, boolean inCity, boolean verifiableOnline) {
    /** Validating constructor. */
    public Issuer {
        departmentCode = Codes.optional(departmentCode, "issuer.departmentCode");
        name = InvalidValueException.requireText(name, "issuer.name");
        if (!inCity && departmentCode != null) {
            throw new InvalidValueException("issuer.departmentCode", "an issuer outside the city has no city department code");
        }
    }
}
