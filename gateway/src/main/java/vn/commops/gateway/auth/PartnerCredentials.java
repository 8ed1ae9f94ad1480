package vn.commops.gateway.auth;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import vn.commops.gateway.downstream.Downstream;
import vn.commops.gateway.downstream.Downstreams;

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
    private final HttpClient http;

    PartnerCredentials(AuthConfig config, ObjectMapper json, Downstreams downstreams) {
        this.config = config;
        this.json = json;
        this.registry = downstreams.all().stream().filter(service -> service.name().equals("activity")).findFirst();
        this.http = HttpClient.newBuilder().connectTimeout(config.partnerTokens().timeout()).build();
    }

    /** The key's partner, or empty when the key is unknown, revoked or expired. */
    public Optional<Partner> partnerFor(String apiKey) {
        Downstream service = registry.orElseThrow(() -> new RegistryUnavailable("No activity service is configured",
                null));
        URI uri = URI.create((service.ssl() ? "https://" : "http://") + service.host() + ":" + service.port()
                + service.targetFor(config.partnerTokens().introspectionPath()));
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
            if (response.statusCode() == 401 || response.statusCode() == 404) {
                return Optional.empty();
            }
            throw new RegistryUnavailable("The partner registry answered " + response.statusCode(), null);
        } catch (IOException e) {
            throw new RegistryUnavailable("The partner registry cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailable("Interrupted while asking the partner registry", e);
        }
    }
}
