package vn.commops.indicator.indicator;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/** The natural period of an indicator, and the buckets of a time series. */
public enum PeriodType {
    DAY, WEEK, MONTH, QUARTER, YEAR;

    /** The first day of the bucket the day falls in. */
    public LocalDate bucketStart(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.minusDays(day.getDayOfWeek().getValue() - 1L);
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    public LocalDate next(LocalDate bucketStart) {
        return switch (this) {
            case DAY -> bucketStart.plusDays(1);
            case WEEK -> bucketStart.plusWeeks(1);
            case MONTH -> bucketStart.plusMonths(1);
            case QUARTER -> bucketStart.plusMonths(3);
            case YEAR -> bucketStart.plusYears(1);
        };
    }

    /** The DHIS2 identifier of the bucket starting on this day ({@code 2024W20}, {@code 202405}). */
    public String periodId(LocalDate bucketStart) {
        return switch (this) {
            case DAY -> String.format("%04d%02d%02d", bucketStart.getYear(), bucketStart.getMonthValue(),
                    bucketStart.getDayOfMonth());
            case WEEK -> bucketStart.get(IsoFields.WEEK_BASED_YEAR) + "W"
                    + bucketStart.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case MONTH -> String.format("%04d%02d", bucketStart.getYear(), bucketStart.getMonthValue());
            case QUARTER -> bucketStart.getYear() + "Q" + ((bucketStart.getMonthValue() - 1) / 3 + 1);
            case YEAR -> String.valueOf(bucketStart.getYear());
        };
    }
}
