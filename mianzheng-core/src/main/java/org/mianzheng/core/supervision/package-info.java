/**
 * Supervision (Art. 11, 12, 17, 18, 19, 21): usage reports streamed from the audit chain with JSON, CSV and
 * self-contained HTML exports; the review of violations on the grounds of Art. 12 and rule-based violation reports;
 * complaints; applicant-facing service guides derived from the catalog; seeded spot checks; the "who accessed my
 * data" report. Entry points: {@link org.mianzheng.core.Mianzheng#supervision()},
 * {@link org.mianzheng.core.Mianzheng#complaints()}, {@link org.mianzheng.core.Mianzheng#guides()} and the static
 * {@link org.mianzheng.core.supervision.SupervisionExports}.
 */
package org.mianzheng.core.supervision;
