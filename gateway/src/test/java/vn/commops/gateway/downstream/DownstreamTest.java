package vn.commops.gateway.downstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DownstreamTest {

    @Test
    void oneUrlIsOneInstanceAsBefore() {
        List<Instance> instances = Downstream.instancesOf("plan", "https://plan.internal/plan/");

        assertEquals(List.of(new Instance("plan", "plan.internal", 443, true, "/plan")), instances);
        assertEquals("/plan/api/v1/plans?page=2", instances.get(0).targetFor("/api/v1/plans?page=2"));
    }

    @Test
    void commaSeparatedUrlsAreInstancesInTheirOrder() {
        List<Instance> instances = Downstream.instancesOf("plan", "http://127.0.0.1:8081, http://127.0.0.1:8091");

        assertEquals(List.of("127.0.0.1:8081", "127.0.0.1:8091"),
                instances.stream().map(Instance::address).toList());
        assertEquals("plan service at 127.0.0.1:8091", instances.get(1).title());
    }

    @Test
    void aUrlThatCannotBeCalledStopsTheStartNamingTheSetting() {
        for (String urls : List.of("http://127.0.0.1:8081,ftp://127.0.0.1:8091", "http://127.0.0.1:8081,8091",
                "http://127.0.0.1:8081,http://bad host:8091", "http://127.0.0.1:8081?x=1")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> Downstream.instancesOf("plan", urls), urls);
            assertTrue(refused.getMessage().startsWith("commops.gateway.services.plan.url "), refused.getMessage());
        }
    }

    @Test
    void anEmptyEntryOrTheSameUrlTwiceIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Downstream.instancesOf("plan", "http://127.0.0.1:8081,,http://127.0.0.1:8091"));
        assertThrows(IllegalArgumentException.class, () -> Downstream.instancesOf("plan", "http://127.0.0.1:8081,"));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> Downstream.instancesOf("plan", "http://127.0.0.1:8081,http://127.0.0.1:8081/"));
        assertTrue(twice.getMessage().contains("twice"), twice.getMessage());
    }
}
