package vn.commops.gateway.routing;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.commops.gateway.downstream.Downstream;
import vn.commops.gateway.downstream.Downstreams;

/**
 * Which service owns a public path, by path prefix. A prefix owns itself and what lies below it
 * on a segment boundary: {@code /api/v1/plans} owns {@code /api/v1/plans/7} but not {@code /api/v1/plansx}.
 * The longest prefix wins, so a service may own a sub-resource of another's collection.
 */
@Singleton
public class RouteTable {

    /** One prefix and the service that owns it. */
    public record Route(String prefix, Downstream downstream) {

        boolean owns(String path) {
            return path.startsWith(prefix)
                    && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
        }

        /** The prefix as a template for metrics, so that ids in paths do not each make a time series. */
        public String template() {
            return prefix + "/*";
        }
    }

    private final List<Route> routes;

    @Inject
    RouteTable(Downstreams downstreams) {
        this(downstreams.all());
    }

    RouteTable(List<Downstream> downstreams) {
        Map<String, Downstream> owners = new HashMap<>();
        List<Route> table = new ArrayList<>();
        for (Downstream downstream : downstreams) {
            for (String prefix : downstream.prefixes()) {
                check(prefix, downstream);
                Downstream previous = owners.putIfAbsent(prefix, downstream);
                if (previous != null) {
                    throw new IllegalStateException("Path prefix " + prefix + " is claimed by both the "
                            + previous.title() + " and the " + downstream.title());
                }
                table.add(new Route(prefix, downstream));
            }
        }
        table.sort(Comparator.comparingInt((Route route) -> route.prefix().length()).reversed());
        this.routes = List.copyOf(table);
    }

    public static RouteTable of(List<Downstream> downstreams) {
        return new RouteTable(downstreams);
    }

    public Optional<Route> find(String path) {
        return routes.stream().filter(route -> route.owns(path)).findFirst();
    }

    /** Whether the gateway sends this path to that service: a service's document may only publish what it owns. */
    public boolean routesTo(String path, Downstream downstream) {
        return find(path).map(route -> route.downstream().name().equals(downstream.name())).orElse(false);
    }

    public List<Route> routes() {
        return routes;
    }

    private static void check(String prefix, Downstream downstream) {
        if (!prefix.startsWith("/api/") || prefix.endsWith("/") || prefix.contains("//")) {
            throw new IllegalStateException("Path prefix '" + prefix + "' of the " + downstream.title()
                    + " must start with /api/ and not end with /");
        }
    }
}
