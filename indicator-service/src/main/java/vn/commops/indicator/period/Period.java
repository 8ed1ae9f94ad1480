package vn.commops.indicator.period;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.DateTimeException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period in the identifiers DHIS2 users already know: {@code 2024} (year),
 * {@code 2024Q2} (quarter), {@code 202405} (month), {@code 2024W20} (ISO week), {@code 20240513} (day).
 *
 * @param id    the identifier as given
 * @param start first day, inclusive
 * @param end   last day, inclusive
 */
public record Period(String id, LocalDate start, LocalDate end) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})(\\d{2})");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})W(\\d{1,2})");
    private static final Pattern DAY = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    public static Period parse(String id) {
        try {
            return interpret(id == null ? "" : id.trim());
        } catch (DateTimeException e) {
            throw new InvalidPeriodException(id);
        }
    }

    private static Period interpret(String id) {
        Matcher m;
        if ((m = YEAR.matcher(id)).matches()) {
            int year = Integer.parseInt(m.group(1));
            return new Period(id, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
        if ((m = QUARTER.matcher(id)).matches()) {
            LocalDate start = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
            return new Period(id, start, start.plusMonths(3).minusDays(1));
        }
        if ((m = MONTH.matcher(id)).matches()) {
            YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            return new Period(id, month.atDay(1), month.atEndOfMonth());
        }
        if ((m = WEEK.matcher(id)).matches()) {
            int year = Integer.parseInt(m.group(1));
            int week = Integer.parseInt(m.group(2));
            LocalDate anchor = LocalDate.of(year, 1, 4); // ISO: week 1 holds January 4th
            if (week < 1 || week > anchor.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
                throw new InvalidPeriodException(id);
            }
            LocalDate monday = anchor.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            return new Period(id, monday, monday.plusDays(6));
        }
        if ((m = DAY.matcher(id)).matches()) {
            LocalDate day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            return new Period(id, day, day);
        }
        throw new InvalidPeriodException(id);
    }

    public static class InvalidPeriodException extends RuntimeException {
        InvalidPeriodException(String id) {
            super("'" + id + "' is not a period; use 2024, 2024Q2, 202405, 2024W20 or 20240513");
        }
    }
}
