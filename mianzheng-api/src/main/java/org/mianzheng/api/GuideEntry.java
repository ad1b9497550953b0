package org.mianzheng.api;

/**
 * One material in a service guide, as the applicant reads it.
 *
 * @param materialCode the material code
 * @param name         its name
 * @param kind         licence, file approval or certification
 * @param decision     what the plan decides
 * @param mode         how it is obtained when not brought ({@link RetrievalMode#NONE} when it must be brought)
 * @param explanation  in Chinese: how the window obtains it, or why the applicant still brings it
 * @param reason       for a material still needed: the reason; {@code null} otherwise
 * @param article      the article the decision rests on, or {@code null}
 * @param legalBasis   the law or regulation requiring the material
 */
public record GuideEntry(String materialCode, String name, MaterialKind kind, MaterialDecision decision, RetrievalMode mode, String explanation,
                         MustSubmitReason reason, String article, String legalBasis) {
    /** Validating constructor. */
    public GuideEntry {
        materialCode = Codes.require(materialCode, "materialCode");
        name = InvalidValueException.requireText(name, "name");
        InvalidValueException.requireNonNull(kind, "kind");
        InvalidValueException.requireNonNull(decision, "decision");
        InvalidValueException.requireNonNull(mode, "mode");
        explanation = InvalidValueException.requireText(explanation, "explanation");
        legalBasis = InvalidValueException.requireText(legalBasis, "legalBasis");
        if ((decision == MaterialDecision.MUST_SUBMIT) != (reason != null)) {
            throw new InvalidValueException("reason", "a material still needed has a reason, the others none");
        }
    }

    /** @return whether the applicant no longer brings it */
    public boolean notNeeded() {
        return decision != MaterialDecision.MUST_SUBMIT;
    }
}
