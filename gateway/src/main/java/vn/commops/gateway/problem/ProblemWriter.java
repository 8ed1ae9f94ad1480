package vn.commops.gateway.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;

/** Turns a problem into a response body, for the answers the gateway gives itself instead of a service. */
@ApplicationScoped
public class ProblemWriter {

    private final ObjectMapper json;

    ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    public Buffer body(Problem problem) {
        try {
            return Buffer.buffer(json.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void send(HttpServerResponse response, Problem problem) {
        response.setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(body(problem));
    }
}
