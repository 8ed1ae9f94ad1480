package vn.commops.crisis.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeasonalBaselineTest {

    private static final int WEEK = 168;

    /** Busy weekday office hours, quiet nights, a middling weekend; index i is i hours before now. */
    private static long[] weeklyPattern(int weeks, int nowHourOfWeek) {
        long[] history = new long[WEEK * weeks + 3];
        for (int i = 0; i < history.length; i++) {
            int hourOfWeek = Math.floorMod(nowHourOfWeek - i, WEEK);
            history[i] = usual(hourOfWeek);
        }
        return history;
    }

    private static long usual(int hourOfWeek) {
        int day = hourOfWeek / 24;
        int hour = hourOfWeek % 24;
        if (day >= 5) {
            return 3;
        }
        return hour >= 8 && hour < 17 ? 9 : 1;
    }

    @Test
    void theUsualVolumeForTheTimeOfWeekScoresLow() {
        for (int now = 0; now < WEEK; now++) {
            long[] history = weeklyPattern(4, now);
            SeasonalBaseline baseline = SeasonalBaseline.of(history, WEEK, 4, 2, 0);
            assertTrue(baseline.score(history[0]) < 1, "hour " + now + " scored " + baseline.score(history[0]));
        }
    }

    @Test
    void aBurstAtAQuietHourScoresHighButTheSameVolumeAtABusyHourDoesNot() {
        long[] night = weeklyPattern(4, 2);
        long[] office = weeklyPattern(4, 10);
        SeasonalBaseline quiet = SeasonalBaseline.of(night, WEEK, 4, 2, 0);
        SeasonalBaseline busy = SeasonalBaseline.of(office, WEEK, 4, 2, 0);
        assertTrue(quiet.score(12) > 4, "12 items at 2 a.m. should be unusual");
        assertTrue(busy.score(12) < 4, "12 items at 10 a.m. on a weekday should not be");
    }

    @Test
    void anOldCrisisInTheHistoryDoesNotRaiseTheBaseline() {
        long[] history = weeklyPattern(4, 2);
        history[WEEK] = 200;
        assertEquals(1, SeasonalBaseline.of(history, WEEK, 4, 2, 0).median());
    }

    @Test
    void aSeriesWithoutHistoryHasAPoissonFloor() {
        SeasonalBaseline none = SeasonalBaseline.of(new long[WEEK * 4 + 3], WEEK, 4, 2, 0);
        assertEquals(0, none.median());
        assertEquals(30, none.score(30), 1e-9);
    }
}
