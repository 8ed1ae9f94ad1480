package vn.commops.gateway;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
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

    /**
     * Longest request target (path and query) taken, on every path; longer is a 414 problem. Quarkus'
     * own line limit is set far above it, as its refusal is an empty answer.
     */
    @WithDefault("8K")
    MemorySize maxUrlLength();

    /** Largest header block taken (names and values); larger is a 431 problem, as for the URL. */
    @WithDefault("16K")
    MemorySize maxHeadersSize();

    /** Time to get a connection to a service, pool wait included; past it the service counts as unreachable. */
    @WithDefault("3s")
    Duration connectTimeout();

    /**
     * Time a service may stay silent once the whole request has reached it; past it the answer is a 504.
     * Counted from the end of the upload, so a slow 50 MB upload does not use up the service's time.
     */
    @WithDefault("60s")
    Duration responseTimeout();

    /** Connections kept per instance and event loop; requests beyond it wait in a queue for one. */
    @WithDefault("64")
    int maxConnectionsPerService();

    /**
     * Requests that may wait for a connection per instance and event loop. One more is not queued for
     * seconds: it goes to another instance, or is answered at once with 503 and Retry-After.
     */
    @WithDefault("64")
    int maxQueuedPerService();

    /**
     * How often each instance's readiness is asked. An instance that is not ready gets no new requests
     * while another instance of its service is ready; a stopping service reports not ready for its
     * shutdown delay, which must be longer than this.
     */
    @WithDefault("1s")
    Duration healthCheckInterval();

    OpenApi openapi();

    /** How much each client may ask of the API. */
    RateLimit rateLimit();

    /** When the gateway stops sending requests to a failing instance, and for how long. */
    CircuitBreaker circuitBreaker();

    /** Which proxied answers are gzipped for clients that accept it. */
    Compression compression();

    interface Service {

        /**
         * Base URL of each instance, comma-separated; a path in one ({@code http://host/plan}) is put
         * before every path forwarded to that instance.
         */
        String url();

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

        /** Time allowed to fetch one service's document or an instance's readiness. */
        @WithDefault("3s")
        Duration fetchTimeout();

        /** Public URL of the gateway for {@code servers}; without it the URL the client used is taken. */
        Optional<String> serverUrl();
    }

    /**
     * A token bucket per client, keyed by its credential, or by its address when it sends none. The
     * defaults let a busy screen or a bulk import through; they are there to stop a runaway client.
     */
    interface RateLimit {

        @WithDefault("true")
        boolean enabled();

        /** Requests per second a client may keep up; a fraction ({@code 0.5}) is one request every two seconds. */
        @WithDefault("50")
        double requestsPerSecond();

        /** Requests a client that was idle may send at once. */
        @WithDefault("200")
        int burst();

        /** Clients remembered at most; past it the one idle longest is forgotten (and starts again with a full bucket). */
        @WithDefault("100000")
        int maxClients();
    }

    interface CircuitBreaker {

        /** Failures in a row (unreachable, silent, dropped, or any 5xx) that cut an instance off. */
        @WithDefault("5")
        int failureThreshold();

        /** How long a cut-off instance gets no requests; then one trial request decides. */
        @WithDefault("10s")
        Duration coolDown();
    }

    interface Compression {

        /** Media types worth gzipping; others (images, archives, event streams) pass as they are. */
        @WithDefault("application/json,application/problem+json,application/x-ndjson,application/yaml,"
                + "text/plain,text/csv,text/html,application/xml,text/xml")
        List<String> mediaTypes();

        /** Answers that declare a smaller length are not worth the CPU. */
        @WithDefault("1K")
        MemorySize minSize();
    }
}
