package vn.commops.gateway.downstream;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import vn.commops.gateway.GatewayConfig;

/**
 * The configured services, in a stable order (by name), which is also the order in which their
 * OpenAPI documents are merged.
 */
@ApplicationScoped
public class Downstreams {

    private final List<Downstream> all;

    Downstreams(GatewayConfig config) {
        this.all = config.services().entrySet().stream()
                .map(entry -> Downstream.of(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparing(Downstream::name))
                .toList();
    }

    public List<Downstream> all() {
        return all;
    }
}
