package vn.commops.activity.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class AgencyDayTest {

    @Test
    void anActivityJustAfterMidnightInHanoiIsOnThatDayWhateverOffsetItArrivesIn() {
        assertEquals(LocalDate.of(2026, 12, 7), AgencyDay.of(OffsetDateTime.parse("2026-12-07T00:24:23+07:00")));
        assertEquals(LocalDate.of(2026, 12, 7), AgencyDay.of(OffsetDateTime.parse("2026-12-06T17:24:23Z")));
        assertEquals(LocalDate.of(2026, 12, 6), AgencyDay.of(OffsetDateTime.parse("2026-12-06T16:59:59Z")));
    }
}
