package vn.commops.gateway.balancing;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import vn.commops.gateway.GatewayConfig;
import vn.commops.gateway.downstream.Downstream;
import vn.commops.gateway.downstream.Downstreams;
import vn.commops.gateway.downstream.Instance;
import vn.commops.gateway.downstream.InstanceMetrics;
import vn.commops.gateway.downstream.ServiceProbe;

/**
 * Asks every instance for its readiness, every {@code health-check-interval}, and remembers the last
 * answer: an instance that is stopping (its readiness goes DOWN for the shutdown delay) or cannot be
 * reached stops getting new requests before its requests could fail. Until its first answer an
 * instance counts as ready, so the gateway routes from its first second; a wrong guess costs a retry.
 */
@ApplicationScoped
public class InstanceReadiness {

    /** What an instance's readiness said: {@code UP}, {@code DOWN (HTTP 503)} or {@code UNREACHABLE}. */
    public record Observation(Instance instance, boolean ready, String state) {
    }

    private static final Logger LOG = Logger.getLogger(InstanceReadiness.class);

    private final Downstreams downstreams;
    private final ServiceProbe probe;
    private final InstanceMetrics metrics;
    private final Vertx vertx;
    private final long intervalMillis;
    private final Map<Instance, Observation> latest = new ConcurrentHashMap<>();
    private volatile long timer = -1;
    private volatile boolean stopped;

    InstanceReadiness(Downstreams downstreams, ServiceProbe probe, InstanceMetrics metrics, Vertx vertx,
            GatewayConfig config) {
        if (config.healthCheckInterval().toMillis() < 1) {
            throw new IllegalArgumentException("commops.gateway.health-check-interval must be at least 1ms");
        }
        this.downstreams = downstreams;
        this.probe = probe;
        this.metrics = metrics;
        this.vertx = vertx;
        this.intervalMillis = config.healthCheckInterval().toMillis();
        for (Downstream service : downstreams.all()) {
            metrics.watchReadyInstances(service, () -> service.instances().stream().filter(this::isReady).count());
        }
    }

    void start(@Observes StartupEvent started) {
        pollAndRepeat();
    }

    /** The next round starts an interval after this one ended, so a slow instance never piles up probes. */
    private void pollAndRepeat() {
        pollAll().onComplete(done -> {
            if (!stopped) {
                timer = vertx.setTimer(intervalMillis, fired -> pollAndRepeat());
            }
        });
    }

    /** Asks every instance now and records the answers; never fails. */
    public Future<List<Observation>> pollAll() {
        List<Future<Observation>> each = new ArrayList<>();
        for (Downstream service : downstreams.all()) {
            service.instances().forEach(instance -> each.add(poll(service, instance)));
        }
        return Future.join(each).transform(done -> Future.succeededFuture(each.stream().map(Future::result).toList()));
    }

    private Future<Observation> poll(Downstream service, Instance instance) {
        return probe.get(instance, service.readinessPath())
                .map(answer -> new Observation(instance, answer.ok(),
                        answer.ok() ? "UP" : "DOWN (HTTP " + answer.status() + ")"))
                .otherwise(failure -> new Observation(instance, false, "UNREACHABLE"))
                .onSuccess(this::record);
    }

    private void record(Observation now) {
        Observation before = latest.put(now.instance(), now);
        boolean wasReady = before == null || before.ready();
        if (wasReady && !now.ready()) {
            metrics.ejected(now.instance(), InstanceMetrics.Ejection.READINESS);
            LOG.warnf("The %s reports %s: it gets no new requests while another instance of its service is ready",
                    now.instance().title(), now.state());
        } else if (!wasReady && now.ready()) {
            LOG.infof("The %s is ready again", now.instance().title());
        }
    }

    /** Whether the instance's last answer said ready (or it has not answered yet). */
    public boolean isReady(Instance instance) {
        Observation last = latest.get(instance);
        return last == null || last.ready();
    }

    /** The service's instances, the ready ones first, for a call that any instance can answer. */
    public List<Instance> readyFirst(Downstream service) {
        List<Instance> ordered = new ArrayList<>(service.instances().stream().filter(this::isReady).toList());
        service.instances().stream().filter(instance -> !isReady(instance)).forEach(ordered::add);
        return ordered;
    }

    @PreDestroy
    void stop() {
        stopped = true;
        vertx.cancelTimer(timer);
    }
}
