package org.mianzheng.api;

import java.util.List;

/**
 * The plan's decision for one material.
 *
 * @param material   the material requirement
 * @param decision   exempt, directed or must submit
 * @param mode       how it is obtained when exempt ({@link RetrievalMode#DATA_CALL} or {@link RetrievalMode#DATA_VERIFY}),
 *                   {@link RetrievalMode#DIRECTED} when directed, {@link RetrievalMode#NONE} when it must be submitted
 * @param channels   for {@code EXEMPT}: channel ids in the order to try; empty otherwise
 * @param directedTo for {@code DIRECTED}: the issuing department's code; {@code null} otherwise
 * @param reason     for {@code MUST_SUBMIT}: why; {@code null} otherwise
 */
public record MaterialPlan(MaterialRequirement material, MaterialDecision decision, RetrievalMode mode, List<String> channels,
                           String directedTo, MustSubmitReason reason) {
    /** Validating constructor: the fields that belong to the decision are present, the others absent. */
    public MaterialPlan {
        InvalidValueException.requireNonNull(material, "material");
        InvalidValueException.requireNonNull(decision, "decision");
        InvalidValueException.requireNonNull(mode, "mode");
        channels = channels == null ? List.of() : List.copyOf(channels);
        switch (decision) {
            case EXEMPT -> {
                if (channels.isEmpty() || reason != null || directedTo != null) {
                    throw new InvalidValueException("decision", "EXEMPT has channels and no reason or directedTo");
                }
            }
            case DIRECTED -> {
                if (directedTo == null || reason != null || !channels.isEmpty()) {
                    throw new InvalidValueException("decision", "DIRECTED has directedTo and no reason or channels");
                }
            }
            case MUST_SUBMIT -> {
                if (reason == null || directedTo != null || !channels.isEmpty()) {
                    throw new InvalidValueException("decision", "MUST_SUBMIT has a reason and no channels or directedTo");
                }
            }
        }
    }

    /** @return the material code */
    public String materialCode() {
        return material.code();
    }

    /** @return the article the decision rests on ({@code null} when exempt or directed) */
    public String article() {
        return reason == null ? null : reason.article();
    }
}
