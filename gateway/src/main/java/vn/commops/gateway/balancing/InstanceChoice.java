package vn.commops.gateway.balancing;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import vn.commops.gateway.downstream.Instance;
import vn.commops.gateway.downstream.Outcome;
import vn.commops.gateway.traffic.Circuit;

/**
 * The instances one request may still try, in order; each is offered once, so a request is retried
 * at most once on each other instance. Not thread-safe: it belongs to one request on one event loop.
 */
public final class InstanceChoice {

    /** An instance whose circuit let the request through, and how: its outcome must be reported. */
    public record Pick(Instance instance, Circuit circuit, Circuit.Admission admission) {

        public void report(Outcome outcome) {
            if (outcome == Outcome.ANSWERED) {
                circuit.succeeded(admission);
            } else if (outcome.judgesTheInstance()) {
                circuit.failed(admission);
            } else {
                circuit.undecided(admission);
            }
        }
    }

    private final List<Instance> order;
    private final Function<Instance, Circuit> circuits;
    private int next;

    InstanceChoice(List<Instance> order, Function<Instance, Circuit> circuits) {
        this.order = order;
        this.circuits = circuits;
    }

    /** The next instance not tried yet whose circuit lets the request through; empty when none is left. */
    public Optional<Pick> next() {
        while (next < order.size()) {
            Instance instance = order.get(next++);
            Circuit circuit = circuits.apply(instance);
            Circuit.Admission admission = circuit.admit();
            if (admission != Circuit.Admission.REFUSED) {
                return Optional.of(new Pick(instance, circuit, admission));
            }
        }
        return Optional.empty();
    }

    /** Whole seconds until the first of these instances takes a trial; at least 1, for a {@code Retry-After}. */
    public long secondsUntilTrial() {
        return order.stream().mapToLong(instance -> circuits.apply(instance).secondsUntilTrial()).min().orElse(1);
    }
}
