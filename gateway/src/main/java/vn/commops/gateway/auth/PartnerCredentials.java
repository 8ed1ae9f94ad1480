package vn.commops.gateway.auth;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.commops.gateway.balancing.InstanceReadiness;
import vn.commops.gateway.downstream.Downstream;
import vn.commops.gateway.downstream.Downstreams;
import vn.commops.gateway.downstream.Instance;

/**
 * Asks the partner registry (activity-service) whose API key this is. The registry keeps only the
 * keys' hashes; the gateway keeps nothing and asks at each exchange, so a revoked key stops working
 * at once for new tokens.
 */
@ApplicationScoped
public class PartnerCredentials {

    /** A partner as the registry knows it: the org-unit subtrees and forms it is granted. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Partner(String partnerId, String name, List<String> orgUnits, List<String> forms, String keyId) {
    }

    /** The registry could not be asked: the exchange must fail closed, but say it is not the key's fault. */
    public static class RegistryUnavailable extends RuntimeException {
        RegistryUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final AuthConfig config;
    private final ObjectMapper json;
    private final Optional<Downstream> registry;
    private final InstanceReadiness readiness;
    private final HttpClient http;

    PartnerCredentials(AuthConfig config, ObjectMapper json, Downstreams downstreams, InstanceReadiness readiness) {
        this.config = config;
        this.readiness = readiness;
        this.json = json;
        this.registry = downstreams.all().stream().filter(service -> service.name().equals("activity")).findFirst();
        this.http = HttpClient.newBuilder().connectTimeout(config.partnerTokens().timeout()).build();
    }

    /**
     * The shape of every key the registry issues, {@code cok_<key id>_<secret>} (activity-service's
     * {@code PartnerKeys}: ten hex digits and 43 base64url characters today), with room for the
     * parts to grow. Anything else opens nothing, so the registry is not asked about it: an 8 KB
     * header would only make it refuse the request, which is no news about the registry's health.
     */
    private static final Pattern KEY_SHAPE = Pattern.compile("cok_[A-Za-z0-9_-]{1,252}");

    /** The key's partner, or empty when the key is unknown, revoked, expired or not a key at all. */
    public Optional<Partner> partnerFor(String apiKey) {
        if (!KEY_SHAPE.matcher(apiKey).matches()) {
            return Optional.empty();
        }
        Downstream service = registry.orElseThrow(() -> new RegistryUnavailable("No activity service is configured",
                null));
        // A ready instance; when none is, the first one answers for itself (or fails as unreachable).
        Instance instance = readiness.readyFirst(service).get(0);
        URI uri = URI.create(instance.url() + config.partnerTokens().introspectionPath());
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.partnerTokens().timeout())
                .header("X-Api-Key", apiKey)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return Optional.of(json.readValue(response.body(), Partner.class));
            }
            if (refusesTheKey(response.statusCode())) {
                return Optional.empty();
            }
            throw new RegistryUnavailable("The partner registry answered " + response.statusCode(), null);
        } catch (JsonProcessingException e) {
            throw new RegistryUnavailable("The partner registry's answer cannot be read", e);
        } catch (IOException e) {
            throw new RegistryUnavailable("The partner registry cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailable("Interrupted while asking the partner registry", e);
        }
    }

    /**
     * A 4xx is the registry refusing this request, hence this key (unknown, revoked, or a header it
     * will not read); only a registry that is busy (408, 429), failing (5xx) or silent says nothing of the key.
     */
    static boolean refusesTheKey(int status) {
        return status >= 400 && status < 500 && status != 408 && status != 429;
    }
}
