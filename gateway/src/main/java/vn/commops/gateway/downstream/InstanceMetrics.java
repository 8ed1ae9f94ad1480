package vn.commops.gateway.downstream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the gateway counts of its traffic to each instance, under names that alert rules refer to
 * ({@code commops_gateway_...} in Prometheus). Every counter exists from the start, at zero, so that
 * a rate can be taken before the first failure. Counters are made once, as a lookup per request
 * would cost an allocation on the event loop.
 */
@ApplicationScoped
public class InstanceMetrics {

    /** Why an instance was taken out of rotation. */
    public enum Ejection {
        /** Its circuit opened: failures in a row. */
        CIRCUIT,
        /** Its readiness poll said not ready, or could not reach it. */
        READINESS
    }

    static final String FORWARDED = "commops.gateway.forwarded";
    static final String RETRIES = "commops.gateway.retries";
    static final String EJECTIONS = "commops.gateway.ejections";
    static final String REFUSED = "commops.gateway.refused";
    static final String READY_INSTANCES = "commops.gateway.ready.instances";
    static final String CIRCUIT_STATE = "commops.gateway.circuit.state";

    private final MeterRegistry registry;
    private final Map<Instance, Map<Outcome, Counter>> forwarded = new HashMap<>();
    private final Map<Instance, Map<Outcome, Counter>> retries = new HashMap<>();
    private final Map<Instance, Map<Ejection, Counter>> ejections = new HashMap<>();
    private final Map<String, Counter> refused = new HashMap<>();

    InstanceMetrics(MeterRegistry registry, Downstreams downstreams) {
        this.registry = registry;
        for (Downstream service : downstreams.all()) {
            refused.put(service.name(), registry.counter(REFUSED, Tags.of("service", service.name())));
            for (Instance instance : service.instances()) {
                Tags tags = tagsOf(instance);
                Map<Outcome, Counter> byOutcome = new EnumMap<>(Outcome.class);
                for (Outcome outcome : Outcome.values()) {
                    byOutcome.put(outcome, registry.counter(FORWARDED, tags.and("outcome", outcome.tag())));
                }
                forwarded.put(instance, byOutcome);
                Map<Outcome, Counter> byReason = new EnumMap<>(Outcome.class);
                for (Outcome reason : new Outcome[] {Outcome.UNREACHABLE, Outcome.DROPPED}) {
                    byReason.put(reason, registry.counter(RETRIES, tags.and("reason", reason.tag())));
                }
                retries.put(instance, byReason);
                Map<Ejection, Counter> byCause = new EnumMap<>(Ejection.class);
                for (Ejection cause : Ejection.values()) {
                    byCause.put(cause, registry.counter(EJECTIONS, tags.and("cause", cause.name().toLowerCase())));
                }
                ejections.put(instance, byCause);
            }
        }
    }

    /** One attempt at an instance, however it ended; a request retried elsewhere counts once per instance tried. */
    public void forwarded(Instance instance, Outcome outcome) {
        forwarded.get(instance).get(outcome).increment();
    }

    /** A request taken from this instance to another, for this reason (unreachable or dropped). */
    public void retried(Instance from, Outcome reason) {
        retries.get(from).get(reason).increment();
    }

    public void ejected(Instance instance, Ejection cause) {
        ejections.get(instance).get(cause).increment();
    }

    /** A request answered 503 at once: every instance of the service was cut off. */
    public void refused(Downstream service) {
        refused.get(service.name()).increment();
    }

    public void watchReadyInstances(Downstream service, Supplier<Number> count) {
        Gauge.builder(READY_INSTANCES, count).tags(Tags.of("service", service.name()))
                .description("Instances of the service whose readiness poll last said ready")
                .register(registry);
    }

    /** @param state 0 closed, 1 half-open (a trial under way), 2 open (cut off) */
    public void watchCircuit(Instance instance, Supplier<Number> state) {
        Gauge.builder(CIRCUIT_STATE, state).tags(tagsOf(instance))
                .description("The instance's circuit: 0 closed, 1 half-open, 2 open")
                .register(registry);
    }

    private static Tags tagsOf(Instance instance) {
        return Tags.of("service", instance.service(), "instance", instance.address());
    }
}
