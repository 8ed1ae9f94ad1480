package vn.commops.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.commops.common.problem.Problem;
import vn.commops.common.problem.ProblemTexts;
import vn.commops.contract.problem.ProblemLanguage;

/**
 * Problem documents for what the HTTP layer refuses before any endpoint: a path it cannot decode, a
 * URL or headers too long. Vert.x answers those with an empty body; a client is owed the same
 * problem+json as for every other error. Vert.x's own limits are set far above ours (configuration),
 * so that requests between the two reach this check and are answered here.
 */
@ApplicationScoped
public class HttpLayerProblems {

    /** Before Quarkus' CORS (-300), security (-200) and body (-2) handlers. */
    static final int ORDER = -20_000;
    private record Refusal(String slug, String title, String detail) {
    }

    private static final Map<Integer, Refusal> REFUSALS = Map.of(
            400, new Refusal("bad-request", "Bad Request",
                    "The URL is not well-formed: a percent sign must be followed by two hexadecimal digits (%25 for '%'), "
                            + "and spaces and other reserved characters must be percent-encoded"),
            404, new Refusal("not-found", "Not Found", "No resource here"),
            405, new Refusal("method-not-allowed", "Method Not Allowed", "The resource does not take this method"),
            413, new Refusal("payload-too-large", "Payload Too Large", "The body is larger than the service accepts"),
            414, new Refusal("uri-too-long", "URI Too Long", "The URL is longer than the service accepts"),
            431, new Refusal("headers-too-large", "Request Header Fields Too Large",
                    "The headers are larger than the service accepts"));

    private final ObjectMapper json;
    private final int maxUrlLength;
    private final int maxHeadersSize;
    private final long maxBodySize;

    HttpLayerProblems(ObjectMapper json,
            @ConfigProperty(name = "commops.http.max-url-length", defaultValue = "8192") int maxUrlLength,
            @ConfigProperty(name = "commops.http.max-headers-size", defaultValue = "20480") int maxHeadersSize,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") MemorySize maxBodySize) {
        this.json = json;
        this.maxUrlLength = maxUrlLength;
        this.maxHeadersSize = maxHeadersSize;
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::checkRequestLine);
        REFUSALS.keySet().forEach(status -> router.errorHandler(status, rc -> refuse(rc, status)));
    }

    private void checkRequestLine(RoutingContext rc) {
        String uri = rc.request().uri();
        String malformed;
        if (uri.length() > maxUrlLength) {
            refuse(rc, 414);
        } else if ((malformed = malformedPart(uri)) != null) {
            refuse(rc, 400, malformed);
        } else if (headersSize(rc.request().headers()) > maxHeadersSize) {
            refuse(rc, 431);
        } else if (declaredLength(rc) > maxBodySize) {
            // Quarkus' own check answers the same with an empty body; the client may send it anyway.
            rc.response().putHeader("Connection", "close");
            refuse(rc, 413);
        } else {
            rc.next();
        }
    }

    /**
     * The check Quarkus makes and answers with an empty 400 ({@link UriValidationInRouter}): the part of
     * the URL, path or query, that {@link URI} cannot parse, or null when it parses.
     */
    private static String malformedPart(String uri) {
        try {
            new URI(uri);
            return null;
        } catch (URISyntaxException e) {
            int query = uri.indexOf('?');
            return query >= 0 && e.getIndex() > query ? "query" : "path";
        }
    }

    private static long declaredLength(RoutingContext rc) {
        String length = rc.request().getHeader("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1; // Netty refuses a malformed length before any route
        }
    }

    private static int headersSize(MultiMap headers) {
        int size = 0;
        for (Map.Entry<String, String> header : headers) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    private void refuse(RoutingContext rc, int status) {
        refuse(rc, status, null);
    }

    private void refuse(RoutingContext rc, int status, String field) {
        HttpServerResponse response = rc.response();
        if (response.headWritten()) {
            return;
        }
        Refusal refusal = REFUSALS.get(status);
        Locale language = ProblemLanguage.of(rc.request().getHeader("Accept-Language"));
        String title = ProblemTexts.title(language, refusal.slug(), status, refusal.title());
        String detail = ProblemTexts.detail(language, "http." + refusal.slug(), refusal.detail());
        String instance = rc.request().path() == null || rc.request().path().length() > 200 ? null : rc.request().path();
        List<Problem.FieldError> errors = field == null ? List.of() : List.of(new Problem.FieldError(field, detail));
        Problem problem = new Problem(Problem.type(refusal.slug()), title, status, detail, instance, errors);
        try {
            response.setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Content-Language", ProblemLanguage.tag(language)).putHeader("Vary", "Accept-Language")
                    .end(Buffer.buffer(json.writeValueAsBytes(problem)));
        } catch (JsonProcessingException e) {
            response.setStatusCode(status).end();
        }
    }
}
