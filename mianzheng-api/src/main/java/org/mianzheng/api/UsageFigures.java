package org.mianzheng.api;

/**
 * The figures of one row of a {@link UsageReport}: the totals, or one department, window, operator, channel or
 * licence type. A figure that has no key in a dimension (say, a directed request in the channel dimension) is not
 * counted in that dimension's rows.
 *
 * @param casesOpened          cases opened in the period
 * @param retrievals           retrieval figures
 * @param exemption            exemption rate: materials obtained electronically ÷ exempt-eligible materials, over
 *                             the cases opened in the period
 * @param voluntarySubmissions paper handed in voluntarily (Art. 4)
 * @param voluntaryOfExempt    of those, materials the plan exempted or directed
 * @param directed             directed-request figures
 * @param violations           violation figures
 * @param complaints           complaint figures
 */
public record UsageFigures(long casesOpened, RetrievalFigures retrievals, Ratio exemption, long voluntarySubmissions, long voluntaryOfExempt,
                           DirectedFigures directed, ViolationFigures violations, ComplaintFigures complaints) {
    /** Validating constructor. */
    public UsageFigures {
        SortedCopies.count(casesOpened, "casesOpened");
        InvalidValueException.requireNonNull(retrievals, "retrievals");
        InvalidValueException.requireNonNull(exemption, "exemption");
        SortedCopies.count(voluntarySubmissions, "voluntarySubmissions");
        SortedCopies.count(voluntaryOfExempt, "voluntaryOfExempt");
        InvalidValueException.requireNonNull(directed, "directed");
        InvalidValueException.requireNonNull(violations, "violations");
        InvalidValueException.requireNonNull(complaints, "complaints");
    }
}
