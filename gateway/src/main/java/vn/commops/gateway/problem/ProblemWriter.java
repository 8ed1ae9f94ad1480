package vn.commops.gateway.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.util.Locale;
import vn.commops.contract.problem.ProblemLanguage;

/**
 * Turns a problem into a response body, for the answers the gateway gives itself instead of a service,
 * in the language the request's Accept-Language asks for (Vietnamese by default), as the services do.
 * What a service answered passes through untouched: it is already in that language.
 */
@ApplicationScoped
public class ProblemWriter {

    public static final String CONTENT_LANGUAGE = "Content-Language";
    /** Problems differ by Accept-Language: a shared cache must not serve one client's language to another. */
    public static final String VARY = "Vary";
    public static final String ACCEPT_LANGUAGE = "Accept-Language";

    private final ObjectMapper json;

    ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    public static Locale languageOf(HttpServerRequest request) {
        return ProblemLanguage.of(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** The body of {@code problem} in {@code language}; its Content-Language is {@link ProblemLanguage#tag}. */
    public Buffer body(Problem problem, Locale language) {
        try {
            return Buffer.buffer(json.writeValueAsBytes(problem.in(language)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void send(RoutingContext rc, Problem problem) {
        Locale language = languageOf(rc.request());
        rc.response().setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader(CONTENT_LANGUAGE, ProblemLanguage.tag(language))
                .putHeader(VARY, ACCEPT_LANGUAGE)
                .end(body(problem, language));
    }

    /** The same answer from one of the gateway's own REST endpoints. */
    public static Response.ResponseBuilder response(Problem problem, HttpHeaders headers) {
        Locale language = ProblemLanguage.of(
                headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .header(CONTENT_LANGUAGE, ProblemLanguage.tag(language))
                .header(VARY, ACCEPT_LANGUAGE)
                .entity(problem.in(language));
    }
}
