package vn.commops.gateway.balancing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import vn.commops.gateway.downstream.Downstream;
import vn.commops.gateway.downstream.Instance;
import vn.commops.gateway.downstream.Outcome;
import vn.commops.gateway.traffic.Circuit;

class BalancerTest {

    private final Instance a = instance(8081);
    private final Instance b = instance(8091);
    private final Instance c = instance(8101);
    private final Downstream plan = new Downstream("plan", List.of(a, b, c), List.of("/api/v1/plans"), "", "");
    private final AtomicLong now = new AtomicLong();
    private final Map<Instance, Circuit> circuits = new HashMap<>();
    private final Set<Instance> notReady = new HashSet<>();
    private final Balancer balancer = new Balancer(instance -> !notReady.contains(instance),
            instance -> circuits.computeIfAbsent(instance,
                    key -> new Circuit(key.title(), 1, Duration.ofSeconds(10), now::get)));

    private static Instance instance(int port) {
        return new Instance("plan", "127.0.0.1", port, false, "");
    }

    private List<Instance> offered(int turn) {
        InstanceChoice choice = balancer.choose(plan, turn);
        List<Instance> offered = new ArrayList<>();
        for (Optional<InstanceChoice.Pick> pick = choice.next(); pick.isPresent(); pick = choice.next()) {
            offered.add(pick.get().instance());
        }
        return offered;
    }

    @Test
    void eachTurnStartsAtTheNextInstanceAndOffersEveryOtherOnce() {
        assertEquals(List.of(a, b, c), offered(0));
        assertEquals(List.of(b, c, a), offered(1));
        assertEquals(List.of(c, a, b), offered(2));
        assertEquals(List.of(a, b, c), offered(3));
        assertEquals(List.of(c, a, b), offered(-1));
    }

    @Test
    void anInstanceThatIsNotReadyIsNotOffered() {
        notReady.add(b);

        assertEquals(List.of(a, c), offered(0));
        assertEquals(List.of(c, a), offered(1));
    }

    @Test
    void whenNoInstanceIsReadyEveryInstanceIsOffered() {
        notReady.addAll(List.of(a, b, c));

        assertEquals(List.of(b, c, a), offered(1));
    }

    @Test
    void anInstanceWhoseCircuitIsOpenIsSkippedUntilItsCoolDownEnds() {
        InstanceChoice first = balancer.choose(plan, 0);
        first.next().orElseThrow().report(Outcome.UNREACHABLE); // a's circuit opens at the first failure here

        assertEquals(List.of(b, c), offered(0));
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertEquals(List.of(a, b, c), offered(0), "a trial once the cool-down is over");
    }

    @Test
    void theClientsOwnFailureLeavesTheCircuitClosed() {
        balancer.choose(plan, 0).next().orElseThrow().report(Outcome.CLIENT_GONE);
        balancer.choose(plan, 0).next().orElseThrow().report(Outcome.TOO_LARGE);

        assertEquals(List.of(a, b, c), offered(0));
    }

    @Test
    void whenEveryCircuitIsOpenNothingIsOfferedAndRetryAfterIsTheNearestTrial() {
        for (int turn = 0; turn < 3; turn++) {
            now.set(Duration.ofSeconds(turn).toNanos());
            balancer.choose(plan, turn).next().orElseThrow().report(Outcome.SERVER_ERROR);
        }

        InstanceChoice choice = balancer.choose(plan, 0);
        assertTrue(choice.next().isEmpty());
        assertEquals(8, choice.secondsUntilTrial(), "a opened 2 s ago, with a 10 s cool-down; b and c later");
    }
}
