package vn.commops.indicator.period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

    @ParameterizedTest
    @CsvSource({
        "2024, 2024-01-01, 2024-12-31",
        "2024Q2, 2024-04-01, 2024-06-30",
        "202402, 2024-02-01, 2024-02-29",
        "2024W20, 2024-05-13, 2024-05-19",
        "2020W53, 2020-12-28, 2021-01-03",
        "20240513, 2024-05-13, 2024-05-13"
    })
    void dhis2PeriodIdentifiersMapToTheirDays(String id, LocalDate start, LocalDate end) {
        Period period = Period.parse(id);
        assertEquals(start, period.start());
        assertEquals(end, period.end());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "24", "2024Q5", "202413", "2024W54", "2023W53", "20240230", "May 2024"})
    void anythingElseIsRefused(String id) {
        assertThrows(Period.InvalidPeriodException.class, () -> Period.parse(id));
    }
}
