package vn.commops.gateway.balancing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import vn.commops.gateway.downstream.Downstream;
import vn.commops.gateway.downstream.Instance;
import vn.commops.gateway.traffic.Circuit;
import vn.commops.gateway.traffic.Circuits;

/**
 * Which instances of a service a request may go to, and in which order: the ready ones, taken in
 * turn. When none is ready, all of them are: readiness only chooses among instances and never cuts
 * a whole service off, as a poll can be wrong and a lone instance that is not ready (its database
 * is down) still answers with its own problem. Only the circuits refuse a request outright.
 */
@ApplicationScoped
public class Balancer {

    private final Predicate<Instance> ready;
    private final Function<Instance, Circuit> circuits;

    @Inject
    Balancer(InstanceReadiness readiness, Circuits circuits) {
        this(readiness::isReady, circuits::of);
    }

    Balancer(Predicate<Instance> ready, Function<Instance, Circuit> circuits) {
        this.ready = ready;
        this.circuits = circuits;
    }

    /**
     * @param turn the caller's count of requests to this service; each caller (an event loop) keeps
     *        its own, so that the rotation needs no state shared between threads
     */
    public InstanceChoice choose(Downstream service, int turn) {
        List<Instance> all = service.instances();
        List<Instance> inRotation = all.size() == 1 ? all : all.stream().filter(ready).toList();
        List<Instance> pool = inRotation.isEmpty() ? all : inRotation;
        int first = Math.floorMod(turn, pool.size());
        List<Instance> order = new ArrayList<>(pool.size());
        for (int i = 0; i < pool.size(); i++) {
            order.add(pool.get((first + i) % pool.size()));
        }
        return new InstanceChoice(order, circuits);
    }
}
