package vn.commops.gateway.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import vn.commops.gateway.routing.RouteTable;

/**
 * The one public API document: the gateway's own, merged with every service that answers, limited
 * to the paths the gateway really routes to each service, and naming the gateway as the server.
 * A merge is redone only when a service's document changed, so each clash is logged once.
 */
@ApplicationScoped
public class OpenApiCatalog {

    private record Snapshot(List<ServiceDocuments.Fetched> sources, ObjectNode merged) {
    }

    private static final Logger LOG = Logger.getLogger(OpenApiCatalog.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> TOP_LEVEL_ORDER = List.of("openapi", "info", "externalDocs", "security");

    private final GatewayDocument gateway;
    private final ServiceDocuments services;
    private final RouteTable routes;
    private final OpenApiMerger merger = new OpenApiMerger();
    private volatile Snapshot last;

    OpenApiCatalog(GatewayDocument gateway, ServiceDocuments services, RouteTable routes) {
        this.gateway = gateway;
        this.services = services;
        this.routes = routes;
    }

    /** The merged document; {@code serverUrl} is how clients reach the gateway. */
    public Future<ObjectNode> document(String serverUrl) {
        return services.current().map(fetched -> published(merged(fetched), serverUrl, fetched));
    }

    private ObjectNode merged(List<ServiceDocuments.Fetched> fetched) {
        Snapshot snapshot = last;
        if (snapshot != null && sameSources(snapshot.sources(), fetched)) {
            return snapshot.merged();
        }
        List<OpenApiMerger.Contribution> contributions = new ArrayList<>();
        for (ServiceDocuments.Fetched source : fetched) {
            source.document().ifPresent(document -> contributions.add(
                    new OpenApiMerger.Contribution(source.service().name(), routedOnly(source, document))));
        }
        ObjectNode merged = merger.merge(gateway.get(), contributions).document();
        last = new Snapshot(fetched, merged);
        return merged;
    }

    /** A service may document a path the gateway sends elsewhere or nowhere; clients could not call it. */
    private ObjectNode routedOnly(ServiceDocuments.Fetched source, ObjectNode document) {
        ObjectNode copy = document.deepCopy();
        if (!(copy.get("paths") instanceof ObjectNode paths)) {
            return copy;
        }
        List<String> unrouted = new ArrayList<>();
        paths.fieldNames().forEachRemaining(path -> {
            if (!routes.routesTo(path, source.service())) {
                unrouted.add(path);
            }
        });
        if (!unrouted.isEmpty()) {
            LOG.warnf("The %s documents paths the gateway does not route to it, left out: %s",
                    source.service().title(), unrouted);
            paths.remove(unrouted);
        }
        return copy;
    }

    private static boolean sameSources(List<ServiceDocuments.Fetched> before, List<ServiceDocuments.Fetched> now) {
        if (before.size() != now.size()) {
            return false;
        }
        for (int i = 0; i < now.size(); i++) {
            // The same cached instance means the same document: refetches make new ones.
            if (before.get(i).document().orElse(null) != now.get(i).document().orElse(null)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A per-request view in the usual reading order: the shared merged tree is not modified, only its
     * top level is copied.
     */
    private static ObjectNode published(ObjectNode merged, String serverUrl, List<ServiceDocuments.Fetched> fetched) {
        ObjectNode document = NODES.objectNode();
        for (String field : TOP_LEVEL_ORDER) {
            if (merged.has(field)) {
                document.set(field, merged.get(field));
            }
        }
        ArrayNode servers = document.putArray("servers");
        servers.addObject().put("url", serverUrl).put("description", "The gateway, in front of every service");
        merged.properties().forEach(field -> {
            if (!document.has(field.getKey())) {
                document.set(field.getKey(), field.getValue());
            }
        });
        ArrayNode unavailable = NODES.arrayNode();
        fetched.stream().filter(source -> source.document().isEmpty())
                .forEach(source -> unavailable.add(source.service().name()));
        if (!unavailable.isEmpty()) {
            // Tells a reader of the console why some paths are missing right now.
            document.set("x-commops-unavailable-services", unavailable);
        }
        return document;
    }
}
