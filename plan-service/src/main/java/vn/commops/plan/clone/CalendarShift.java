package vn.commops.plan.clone;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.function.UnaryOperator;

/**
 * How a clone moves its dates: by whole months (a year is twelve) or by days. By months, the last day
 * of a month stays the last day of a month (May 1–31 one month on is June 1–30; 29 February one year on
 * is 28 February, and 28 February 2023 one year on is 29 February 2024); any other day keeps its number,
 * cut to the month's length (31 January one month on is the 28th or 29th of February).
 */
public record CalendarShift(long months, long days) implements UnaryOperator<LocalDate> {

    public static CalendarShift ofMonths(long months) {
        return new CalendarShift(months, 0);
    }

    public static CalendarShift ofDays(long days) {
        return new CalendarShift(0, days);
    }

    /**
     * The shift that moves {@code from} to {@code to}: by months when both are the same day of their month
     * (or both a month's last day), so the rest of the plan follows the calendar too; else by days.
     */
    public static CalendarShift between(LocalDate from, LocalDate to) {
        if (from.getDayOfMonth() == to.getDayOfMonth() || (endOfMonth(from) && endOfMonth(to))) {
            return ofMonths(ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)));
        }
        return ofDays(ChronoUnit.DAYS.between(from, to));
    }

    @Override
    public LocalDate apply(LocalDate day) {
        if (day == null) {
            return null;
        }
        if (months == 0) {
            return day.plusDays(days);
        }
        LocalDate moved = day.plusMonths(months);
        return endOfMonth(day) ? moved.with(TemporalAdjusters.lastDayOfMonth()) : moved;
    }

    private static boolean endOfMonth(LocalDate day) {
        return day.getDayOfMonth() == day.lengthOfMonth();
    }
}
