package vn.commops.indicator.target;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.commops.indicator.period.Period;

/** A year's quarters and months, a quarter's months; and a period's twin a number of months away. */
final class PeriodParts {

    enum Kind {
        YEAR, QUARTER, MONTH, OTHER;

        static Kind of(Period period) {
            String id = period.id();
            if (id.matches("\\d{4}")) {
                return YEAR;
            }
            if (id.matches("\\d{4}Q[1-4]")) {
                return QUARTER;
            }
            if (id.matches("\\d{6}")) {
                return MONTH;
            }
            return OTHER;
        }
    }

    private PeriodParts() {
    }

    /** The parts of the period in order; empty when the period has no such parts (a month has no quarters). */
    static List<Period> of(Period whole, CascadeRequest.PeriodPart part) {
        Kind kind = Kind.of(whole);
        boolean splits = part == CascadeRequest.PeriodPart.QUARTER ? kind == Kind.YEAR : kind == Kind.YEAR || kind == Kind.QUARTER;
        List<Period> parts = new ArrayList<>();
        if (!splits) {
            return parts;
        }
        for (LocalDate start = whole.start(); !start.isAfter(whole.end());
                start = start.plusMonths(part == CascadeRequest.PeriodPart.QUARTER ? 3 : 1)) {
            parts.add(id(start, part == CascadeRequest.PeriodPart.QUARTER ? Kind.QUARTER : Kind.MONTH));
        }
        return parts;
    }

    /** The period of the same kind starting {@code months} later (earlier when negative); empty for weeks and days. */
    static Optional<Period> shifted(Period period, long months) {
        Kind kind = Kind.of(period);
        return kind == Kind.OTHER ? Optional.empty() : Optional.of(id(period.start().plusMonths(months), kind));
    }

    /** Months from one period's start to another's, when both start on a first of the month. */
    static long monthsBetween(Period from, Period to) {
        return ChronoUnit.MONTHS.between(YearMonth.from(from.start()), YearMonth.from(to.start()));
    }

    private static Period id(LocalDate start, Kind kind) {
        return Period.parse(switch (kind) {
            case YEAR -> String.valueOf(start.getYear());
            case QUARTER -> start.getYear() + "Q" + ((start.getMonthValue() - 1) / 3 + 1);
            case MONTH -> String.format("%04d%02d", start.getYear(), start.getMonthValue());
            case OTHER -> throw new IllegalArgumentException("no id of kind OTHER");
        });
    }
}
