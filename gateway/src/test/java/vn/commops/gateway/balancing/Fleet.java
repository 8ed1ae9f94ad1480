package vn.commops.gateway.balancing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/** A fleet of {@link InstanceFleets} as a test sees it: its instances' addresses, hit counts, and commands. */
final class Fleet {

    private static final HttpClient CONTROL = HttpClient.newHttpClient();

    private final String name;

    private Fleet(String name) {
        this.name = name;
    }

    static Fleet named(String name) {
        return new Fleet(name);
    }

    String name() {
        return name;
    }

    String path() {
        return "/api/v1/" + name + "/items";
    }

    /** As the gateway names the instance in health data and metrics: {@code 127.0.0.1:port}. */
    String address(int index) {
        String urls = ConfigProvider.getConfig().getValue("commops.gateway.services." + name + ".url", String.class);
        List<String> each = Arrays.stream(urls.split(",")).map(String::trim).toList();
        return each.get(index).substring("http://".length());
    }

    int apiHits(int index) {
        return hits(index).getInteger("api");
    }

    int openapiHits(int index) {
        return hits(index).getInteger("openapi");
    }

    int apiHitsOfAll() {
        int total = 0;
        for (int i = 0; i < InstanceFleets.FLEETS.get(name); i++) {
            total += apiHits(i);
        }
        return total;
    }

    private JsonObject hits(int index) {
        return new JsonObject(tell(index, "hits"));
    }

    /** {@code stop}, {@code start}, {@code ready}, {@code unready}, {@code echo}, {@code drop} or {@code early}. */
    String tell(int index, String command) {
        String control = ConfigProvider.getConfig().getValue(InstanceFleets.CONTROL_URL, String.class);
        try {
            HttpResponse<String> answer = CONTROL.send(HttpRequest.newBuilder(
                    URI.create(control + "/" + name + "/" + index + "/" + command)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            return answer.body();
        } catch (IOException e) {
            throw new IllegalStateException("The control listener cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void tellAll(String command) {
        for (int i = 0; i < InstanceFleets.FLEETS.get(name); i++) {
            tell(i, command);
        }
    }
}
