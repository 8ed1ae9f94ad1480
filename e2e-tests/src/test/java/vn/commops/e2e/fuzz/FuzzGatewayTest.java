package vn.commops.e2e.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fuzzer waits out the gateway's rate limit, so that a 429 never stands for the answer to a request. */
class FuzzGatewayTest {

    private static void answer(ServerSocket server, String statusLine, String headers, String body) throws IOException {
        try (Socket accepted = server.accept()) {
            accepted.getInputStream().read(new byte[8192]);
            accepted.getOutputStream().write((statusLine + "\r\n" + headers + "Content-Length: "
                    + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aRateLimitedRequestIsSentAgainAfterItsRetryAfter() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            Thread gateway = new Thread(() -> {
                try {
                    answer(server, "HTTP/1.1 200 OK", "Content-Type: application/json\r\n",
                            "{\"access_token\":\"t0k3n\"}");
                    answer(server, "HTTP/1.1 429 Too Many Requests", "Retry-After: 0\r\n"
                            + "Content-Type: application/problem+json\r\n", "{\"status\":429}");
                    answer(server, "HTTP/1.1 400 Bad Request", "Content-Type: application/problem+json\r\n",
                            "{\"status\":400}");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            gateway.start();
            FuzzGateway fuzzGateway = new FuzzGateway(URI.create("http://127.0.0.1:" + server.getLocalPort()),
                    Duration.ofSeconds(2));
            RawHttp.Answer answer = fuzzGateway.send(new RawHttp.Request("GET", "/api/v1/plans?page=-1", List.of(),
                    null));
            assertEquals("t0k3n", fuzzGateway.token());
            assertEquals(400, answer.status());
            assertEquals(1, fuzzGateway.rateLimited());
            gateway.join(2000);
        }
    }
}
