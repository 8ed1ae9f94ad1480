package vn.commops.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void aTokenOfferedByTheClientIsKept() {
        assertEquals("mobile-7f3a.42", RequestIds.idFor("mobile-7f3a.42"));
        assertEquals("01J9ZQ3V6Y8K2M", RequestIds.idFor("01J9ZQ3V6Y8K2M"));
    }

    @Test
    void anythingThatCouldForgeALogLineIsReplaced() {
        for (String offered : new String[] {"a b", "x\nrid=forged", "", "-leading-dash", "é", "a".repeat(129)}) {
            String id = RequestIds.idFor(offered);
            assertNotEquals(offered, id);
            assertEquals(id, UUID.fromString(id).toString());
        }
    }

    @Test
    void noIdGetsANewOne() {
        assertNotEquals(RequestIds.idFor(null), RequestIds.idFor(null));
    }
}
