package vn.commops.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The keys that verify every token the platform accepts: the gateway's own and, when an external
 * issuer is configured, that issuer's. Services read this one set, so they accept staff tokens from
 * the agency's issuer and partner tokens from the gateway alike.
 */
@ApplicationScoped
public class PlatformKeySet {

    private static final Logger LOG = Logger.getLogger(PlatformKeySet.class);
    private static final Duration EXTERNAL_KEYS_KEPT = Duration.ofMinutes(5);

    private final SigningKey ownKey;
    private final AuthConfig config;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile ArrayNode externalKeys;
    private volatile Instant externalKeysFetched = Instant.EPOCH;

    PlatformKeySet(SigningKey ownKey, AuthConfig config, ObjectMapper json) {
        this.ownKey = ownKey;
        this.config = config;
        this.json = json;
        this.externalKeys = json.createArrayNode();
    }

    public String json() {
        ObjectNode set = json.createObjectNode();
        ArrayNode keys = set.putArray("keys");
        try {
            keys.add(json.readTree(ownKey.publicJwk()));
        } catch (IOException e) {
            throw new IllegalStateException("The gateway's own key cannot be written as JSON", e);
        }
        keys.addAll(external());
        return set.toString();
    }

    private ArrayNode external() {
        if (config.externalJwksUrl().isEmpty()
                || Instant.now().isBefore(externalKeysFetched.plus(EXTERNAL_KEYS_KEPT))) {
            return externalKeys;
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(config.externalJwksUrl().get()))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode keys = json.readTree(response.body()).path("keys");
            if (response.statusCode() == 200 && keys.isArray()) {
                externalKeys = (ArrayNode) keys;
                externalKeysFetched = Instant.now();
            }
        } catch (IOException e) {
            // Keep serving the keys last seen: the issuer being briefly away must not lock everyone out.
            LOG.warnf("External issuer's keys unavailable, serving the last ones seen: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return externalKeys;
    }
}
