package vn.commops.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import vn.commops.gateway.GatewayConfig;
import vn.commops.gateway.balancing.InstanceReadiness;
import vn.commops.gateway.downstream.Downstream;
import vn.commops.gateway.downstream.Downstreams;
import vn.commops.gateway.downstream.ServiceProbe;

/**
 * The services' own OpenAPI documents, fetched over HTTP from a ready instance (the others in turn
 * when it does not give one) and kept for a short while. A service that
 * cannot give its document is left out, with a warning when it goes missing, and is asked again on
 * the next request instead of waiting out the cache.
 */
@ApplicationScoped
public class ServiceDocuments {

    /** A document as fetched, or nothing when the service could not give one. */
    public record Fetched(Downstream service, Optional<ObjectNode> document) {
    }

    private record Cached(ObjectNode document, Instant fetchedAt) {
    }

    private static final Logger LOG = Logger.getLogger(ServiceDocuments.class);

    private final Downstreams downstreams;
    private final ServiceProbe probe;
    private final InstanceReadiness readiness;
    private final ObjectMapper json;
    private final Duration ttl;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Set<String> missing = ConcurrentHashMap.newKeySet();

    ServiceDocuments(Downstreams downstreams, ServiceProbe probe, InstanceReadiness readiness, ObjectMapper json,
            GatewayConfig config) {
        this.downstreams = downstreams;
        this.probe = probe;
        this.readiness = readiness;
        this.json = json;
        this.ttl = config.openapi().cacheTtl();
    }

    /** Every service's document, in service order; never fails. */
    public Future<List<Fetched>> current() {
        List<Future<Fetched>> each = downstreams.all().stream().map(this::documentOf).toList();
        return Future.join(each).map(done -> each.stream().map(Future::result).toList());
    }

    private Future<Fetched> documentOf(Downstream service) {
        Cached cached = cache.get(service.name());
        if (cached != null && cached.fetchedAt().plus(ttl).isAfter(clock.instant())) {
            return Future.succeededFuture(new Fetched(service, Optional.of(cached.document())));
        }
        return probe.firstSuccess(readiness.readyFirst(service), service.openapiPath())
                .map(answer -> {
                    if (!answer.ok()) {
                        throw new IllegalStateException("it answered HTTP " + answer.status());
                    }
                    return parse(answer.body().getBytes());
                })
                .map(fetched -> {
                    ObjectNode document = unchangedOrNew(cached, fetched);
                    cache.put(service.name(), new Cached(document, clock.instant()));
                    if (missing.remove(service.name())) {
                        LOG.infof("The %s's OpenAPI document is back in the merged document", service.title());
                    }
                    return new Fetched(service, Optional.of(document));
                })
                .otherwise(failure -> {
                    cache.remove(service.name());
                    if (missing.add(service.name())) {
                        LOG.warnf("The %s's OpenAPI document is left out of the merged document: %s",
                                service.title(), failure.getMessage());
                    }
                    return new Fetched(service, Optional.empty());
                });
    }

    /** An unchanged document keeps its instance, so the catalog knows it need not merge (and report) again. */
    private static ObjectNode unchangedOrNew(Cached cached, ObjectNode fetched) {
        return cached != null && cached.document().equals(fetched) ? cached.document() : fetched;
    }

    private ObjectNode parse(byte[] body) {
        try {
            JsonNode document = json.readTree(body);
            if (document instanceof ObjectNode object && object.path("openapi").isTextual()) {
                return object;
            }
            throw new IllegalStateException("its answer is not an OpenAPI document");
        } catch (IOException e) {
            throw new IllegalStateException("its answer is not JSON", e);
        }
    }
}
