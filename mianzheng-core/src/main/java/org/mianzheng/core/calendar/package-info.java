/**
 * The working calendar of directed requests under SLA (issue 5): office hours with seasonal variants and a lunch
 * break, date overrides (holidays, make-up working days 调休, special hours), per-department calendars
 * ({@link org.mianzheng.core.calendar.CalendarRegistry}), and O(log n) working-time arithmetic
 * ({@link org.mianzheng.core.calendar.WorkingCalendar#add}, {@link org.mianzheng.core.calendar.WorkingCalendar#between}).
 * National holidays of 2025 and 2026 are bundled; further years load from JSON
 * ({@link org.mianzheng.core.calendar.CalendarJson}, format in {@code docs/sla-and-calendar.md}). Outside the loaded
 * years results are provisional (plain weekdays) and flagged.
 */
package org.mianzheng.core.calendar;
