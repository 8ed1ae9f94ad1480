package vn.commops.common.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdFilterTest {

    @Test
    void theIdTheGatewayGaveIsKept() {
        assertEquals("3f0c1a9e-52d4-4d0b-9a43-1c7e2b8f6d10", RequestIdFilter.idFor("3f0c1a9e-52d4-4d0b-9a43-1c7e2b8f6d10"));
        assertEquals("mobile-7f3a.42:retry_2", RequestIdFilter.idFor("mobile-7f3a.42:retry_2"));
        assertEquals("a".repeat(128), RequestIdFilter.idFor("a".repeat(128)));
    }

    @Test
    void anythingThatCouldForgeALogLineIsReplaced() {
        for (String offered : new String[] {"a b", "x\nrid=forged", "", "é", "a".repeat(129), "id;drop"}) {
            String id = RequestIdFilter.idFor(offered);
            assertNotEquals(offered, id);
            assertEquals(id, UUID.fromString(id).toString());
        }
    }

    @Test
    void noIdGetsANewOne() {
        assertNotEquals(RequestIdFilter.idFor(null), RequestIdFilter.idFor(null));
    }
}
