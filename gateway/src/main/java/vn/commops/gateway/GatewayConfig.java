package vn.commops.gateway;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where each public path goes, and how patiently the gateway waits for it. */
@ConfigMapping(prefix = "commops.gateway")
public interface GatewayConfig {

    /** The downstream services by short name ({@code plan}, {@code activity}...). */
    Map<String, Service> services();

    /** Largest request body passed through; bulk imports of field activities are the big ones. */
    @WithDefault("50M")
    MemorySize maxBodySize();

    /** Time to get a connection to a service, pool wait included; past it the service counts as unreachable. */
    @WithDefault("3s")
    Duration connectTimeout();

    /**
     * Time a service may stay silent once the whole request has reached it; past it the answer is a 504.
     * Counted from the end of the upload, so a slow 50 MB upload does not use up the service's time.
     */
    @WithDefault("60s")
    Duration responseTimeout();

    /** Connections kept per service; requests beyond it wait (within the connect timeout) for one. */
    @WithDefault("64")
    int maxConnectionsPerService();

    OpenApi openapi();

    interface Service {

        /** Base URL; a path in it ({@code http://host/plan}) is put before every forwarded path. */
        URI url();

        /** Path prefixes this service owns, each under {@code /api/}, matched on whole segments. */
        List<String> prefixes();

        @WithDefault("/q/openapi?format=json")
        String openapiPath();

        @WithDefault("/q/health/ready")
        String readinessPath();
    }

    interface OpenApi {

        /** How long a fetched service document is reused; a service that was down is asked again each time. */
        @WithDefault("30s")
        Duration cacheTtl();

        /** Time allowed to fetch one service's document or readiness. */
        @WithDefault("3s")
        Duration fetchTimeout();

        /** Public URL of the gateway for {@code servers}; without it the URL the client used is taken. */
        Optional<String> serverUrl();
    }
}
