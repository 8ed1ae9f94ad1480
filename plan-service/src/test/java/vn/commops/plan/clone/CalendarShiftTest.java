package vn.commops.plan.clone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CalendarShiftTest {

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void aMonthOnTheEndOfMayIsTheEndOfJune() {
        CalendarShift month = CalendarShift.ofMonths(1);
        assertEquals(day("2024-06-01"), month.apply(day("2024-05-01")));
        assertEquals(day("2024-06-30"), month.apply(day("2024-05-31")));
        assertEquals(day("2024-06-21"), month.apply(day("2024-05-21")));
        assertEquals(day("2024-07-31"), month.apply(day("2024-06-30")));
        assertEquals(day("2024-02-29"), month.apply(day("2024-01-31")));
    }

    @Test
    void aYearOnAWholeYearIsTheWholeNextYear() {
        CalendarShift year = CalendarShift.ofMonths(12);
        assertEquals(day("2024-01-01"), year.apply(day("2023-01-01")));
        assertEquals(day("2024-12-31"), year.apply(day("2023-12-31")));
        assertEquals(day("2025-02-28"), year.apply(day("2024-02-29")));
        assertEquals(day("2024-02-29"), year.apply(day("2023-02-28")));
    }

    @Test
    void aNewStartOnTheSameDayOfTheMonthShiftsByMonthsElseByDays() {
        assertEquals(CalendarShift.ofMonths(1), CalendarShift.between(day("2024-05-01"), day("2024-06-01")));
        assertEquals(CalendarShift.ofMonths(12), CalendarShift.between(day("2023-01-01"), day("2024-01-01")));
        assertEquals(CalendarShift.ofMonths(1), CalendarShift.between(day("2024-04-30"), day("2024-05-31")));
        assertEquals(CalendarShift.ofDays(7), CalendarShift.between(day("2024-05-06"), day("2024-05-13")));
        assertEquals(day("2024-05-20"), CalendarShift.ofDays(7).apply(day("2024-05-13")));
    }

    @Test
    void onlyWholeMonthsQuartersAndYearsHaveAPeriodId() {
        assertEquals("202405", PlanCloner.periodId(day("2024-05-01"), day("2024-05-31")));
        assertEquals("2024Q2", PlanCloner.periodId(day("2024-04-01"), day("2024-06-30")));
        assertEquals("2024", PlanCloner.periodId(day("2024-01-01"), day("2024-12-31")));
        assertEquals(null, PlanCloner.periodId(day("2024-05-06"), day("2024-05-21")));
        assertEquals(null, PlanCloner.periodId(day("2024-02-01"), day("2024-04-30")));
    }
}
