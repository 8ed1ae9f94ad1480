package vn.commops.activity.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void isAVersion7UuidCarryingItsMillisecond() {
        UUID id = TimeOrderedIds.at(1_716_771_600_123L);
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(1_716_771_600_123L, id.getMostSignificantBits() >>> 16);
        assertEquals("018fb78f-b6fb-7", id.toString().substring(0, 15));
    }

    @Test
    void laterIdsSortAfterEarlierOnesAsPostgresqlComparesThem() {
        // PostgreSQL orders uuids by their bytes, as unsigned: compare the text, which orders the same.
        UUID earlier = TimeOrderedIds.at(1_716_771_600_123L);
        UUID later = TimeOrderedIds.at(1_716_771_600_124L);
        assertTrue(earlier.toString().compareTo(later.toString()) < 0);
        assertNotEquals(TimeOrderedIds.at(1_716_771_600_123L), TimeOrderedIds.at(1_716_771_600_123L));
    }
}
