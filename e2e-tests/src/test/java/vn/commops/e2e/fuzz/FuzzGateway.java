package vn.commops.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The gateway as the fuzzer talks to it: a national admin's token, and requests sent as raw bytes. */
final class FuzzGateway {

    static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final RawHttp http;
    private final String token;
    private final AtomicInteger rateLimited = new AtomicInteger();

    FuzzGateway(URI base, Duration timeout) {
        this.base = base;
        this.http = new RawHttp(base, timeout);
        RawHttp.Answer issued = http.send(new RawHttp.Request("POST", "/auth/dev-token",
                List.<String[]>of(new String[] {"Content-Type", "application/json"}),
                "{\"username\":\"national-admin\"}".getBytes(StandardCharsets.UTF_8)));
        if (issued.status() != 200) {
            throw new IllegalStateException("the gateway at " + base + " gave no development token: " + issued.status()
                    + " " + (issued.answered() ? issued.bodyText() : issued.failure()));
        }
        this.token = parse(issued).path("access_token").asText();
    }

    URI base() {
        return base;
    }

    String token() {
        return token;
    }

    /**
     * Sends a request as a polite client: a 429 (the gateway's rate limit, on in the end-to-end platform) is
     * waited out as its Retry-After says and the request sent again, so every request is judged on its answer.
     */
    RawHttp.Answer send(RawHttp.Request request) {
        for (int attempt = 0; ; attempt++) {
            RawHttp.Answer answer = http.send(request);
            if (answer.status() != 429 || attempt == 50) {
                return answer;
            }
            rateLimited.incrementAndGet();
            try {
                Thread.sleep(Math.min(5000, Math.max(200, 1000 * retryAfter(answer))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return answer;
            }
        }
    }

    /** How many times the rate limit made the fuzzer wait. */
    int rateLimited() {
        return rateLimited.get();
    }

    private static long retryAfter(RawHttp.Answer answer) {
        try {
            return Long.parseLong(answer.headers().getOrDefault("retry-after", "1").trim());
        } catch (NumberFormatException date) {
            return 1;
        }
    }

    /** A request as the national admin, with a JSON body when one is given. */
    RawHttp.Answer call(String method, String target, JsonNode body) {
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"Authorization", "Bearer " + token});
        byte[] bytes = null;
        if (body != null) {
            headers.add(new String[] {"Content-Type", "application/json"});
            bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        }
        return send(new RawHttp.Request(method, target, headers, bytes));
    }

    JsonNode get(String target) {
        RawHttp.Answer answer = call("GET", target, null);
        return answer.status() == 200 ? parse(answer) : MissingNode.getInstance();
    }

    static JsonNode parse(RawHttp.Answer answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException | RuntimeException notJson) {
            return MissingNode.getInstance();
        }
    }
}
