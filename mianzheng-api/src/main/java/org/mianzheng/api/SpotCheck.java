package org.mianzheng.api;

import java.util.List;

/**
 * The result of a spot check: the population, the seeded sample and each sampled case's audit trail.
 *
 * @param request      what was asked
 * @param population   cases opened in the period (of the department, if limited)
 * @param cases        the sample, ordered by bizNo
 * @param trailThrough the last audit event read for the trails
 * @param supervisor   who ran it
 */
public record SpotCheck(SpotCheckRequest request, int population, List<SpotCheckCase> cases, AuditHead trailThrough, String supervisor) {
    /** Validating constructor. */
    public SpotCheck {
        InvalidValueException.requireNonNull(request, "request");
        if (population < 0) {
            throw new InvalidValueException("population", "not negative");
        }
        cases = List.copyOf(InvalidValueException.requireNonNull(cases, "cases"));
        InvalidValueException.requireNonNull(trailThrough, "trailThrough");
        supervisor = Codes.require(supervisor, "supervisor");
    }

    /** @return the sampled bizNos, in order */
    public List<String> bizNos() {
        return cases.stream().map(SpotCheckCase::bizNo).toList();
    }
}
