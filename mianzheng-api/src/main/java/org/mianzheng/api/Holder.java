package org.mianzheng.api;

/**
 * 持证主体: a person (resident identity number or another document) or an organisation (unified social credit code).
 * {@link #toString()} masks the identifier and the name.
 *
 * @param kind person or organisation
 * @param id   the identifier; a {@code 111} id implies a person, a {@code 001} id an organisation
 * @param name full name
 */
public record Holder(HolderKind kind, HolderId id, String name) {

    /** Validating constructor. */
    public Holder {
        InvalidValueException.requireNonNull(kind, "holder.kind");
        InvalidValueException.requireNonNull(id, "holder.id");
        name = InvalidValueException.requireText(name, "holder.name");
        if (id.type() == HolderIdType.RESIDENT_IDENTITY_NUMBER && kind != HolderKind.PERSON) {
            throw new InvalidValueException("holder.kind", "a resident identity number identifies a person");
        }
        if (id.type() == HolderIdType.UNIFIED_SOCIAL_CREDIT_CODE && kind != HolderKind.ORGANISATION) {
            throw new InvalidValueException("holder.kind", "a unified social credit code identifies an organisation");
        }
    }

    /**
     * @param residentId resident identity number
     * @param name       name
     * @return a person
     */
    public static Holder person(String residentId, String name) {
        return new Holder(HolderKind.PERSON, HolderId.resident(residentId), name);
    }

    /**
     * @param creditCode unified social credit code
     * @param name       registered name
     * @return an organisation
     */
    public static Holder organisation(String creditCode, String name) {
        return new Holder(HolderKind.ORGANISATION, HolderId.creditCode(creditCode), name);
    }

    /** @return masked; safe for logs */
    @Override
    public String toString() {
        return "Holder[" + kind + ", " + id + ", " + Masking.mask(name) + "]";
    }
}
