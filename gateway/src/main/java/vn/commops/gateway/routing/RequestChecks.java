package vn.commops.gateway.routing;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import vn.commops.gateway.GatewayConfig;
import vn.commops.gateway.problem.Problem;
import vn.commops.gateway.problem.ProblemWriter;
import vn.commops.gateway.problem.StatusProblems;

/**
 * What the gateway refuses of a request before anything reads it, each with a problem document
 * where Vert.x and Quarkus would answer an empty 400, 414, 431 or 413: a URL that is not a URL (a
 * broken percent-escape, a character that must be escaped), a URL or header block over the limits,
 * a declared body over the limit, and, on the gateway's own endpoints, a query parameter or header
 * holding a control character. Under {@code /api/} parameters and headers pass as they are: each
 * service judges its own, and the body limit there is {@link ApiRoutes}' (it labels the metrics).
 * A chunked body declares no length: the gateway's own endpoints read it within Quarkus' limit and
 * refuse it for what it holds.
 */
final class RequestChecks implements Handler<RoutingContext> {

    /**
     * Largest body the gateway's own endpoints take: a username and a few org units. Under
     * {@code /api/} the limit is the configured one, for bulk uploads.
     */
    static final long OWN_BODY_LIMIT = 64 * 1024;

    private final ProblemWriter problems;
    private final long maxUrlLength;
    private final long maxHeadersSize;

    RequestChecks(ProblemWriter problems, GatewayConfig config) {
        this.problems = problems;
        this.maxUrlLength = config.maxUrlLength().asLongValue();
        this.maxHeadersSize = config.maxHeadersSize().asLongValue();
    }

    @Override
    public void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        Problem problem = refusal(request);
        if (problem == null) {
            rc.next();
            return;
        }
        ApiRoutes.labelForMetrics(rc, isApi(request.path()) ? "/api/invalid" : "/invalid");
        if (problem.status() == 413) {
            // The client may send the body anyway: the connection goes with the answer.
            rc.response().putHeader("Connection", "close").endHandler(sent -> request.connection().close());
        }
        problems.send(rc, problem);
    }

    private Problem refusal(HttpServerRequest request) {
        String uri = request.uri();
        String instance = StatusProblems.instance(request.path());
        if (uri.length() > maxUrlLength) {
            return Problem.of(414, "uri-too-long", "URI Too Long",
                    "The URL is " + uri.length() + " characters long; the gateway takes at most " + maxUrlLength, null)
                    .worded("url-over-limit", String.valueOf(uri.length()), String.valueOf(maxUrlLength));
        }
        long headersSize = headersSize(request.headers());
        if (headersSize > maxHeadersSize) {
            return Problem.of(431, "headers-too-large", "Request Header Fields Too Large",
                    "The headers take " + headersSize + " bytes; the gateway takes at most " + maxHeadersSize, instance)
                    .worded("headers-over-limit", String.valueOf(headersSize), String.valueOf(maxHeadersSize));
        }
        Problem badUrl = badUrl(uri, instance);
        if (badUrl != null || isApi(request.path())) {
            return badUrl;
        }
        if (ApiRoutes.declaredLength(request) > OWN_BODY_LIMIT) {
            return DownstreamFailures.tooLarge(OWN_BODY_LIMIT, instance);
        }
        return controlCharacters(request, instance);
    }

    /**
     * The check Quarkus makes before any route and answers with an empty 400 (turned off for that reason,
     * see {@code GatewayMain}): whatever {@link URI} cannot parse, nothing behind the gateway has to read.
     */
    private static Problem badUrl(String uri, String instance) {
        try {
            new URI(uri);
            return null;
        } catch (URISyntaxException e) {
            int query = uri.indexOf('?');
            String part = query >= 0 && e.getIndex() > query ? "query" : "path";
            if (e.getReason().startsWith("Malformed escape pair")) {
                return Problem.ofField(400, "bad-escape", "Bad Request", part,
                        "holds a percent sign not followed by two hexadecimal digits (write %25 for '%')", instance);
            }
            if (e.getIndex() < 0 || e.getIndex() >= uri.length()) {
                return Problem.ofField(400, "bad-request", "Bad Request", part,
                        "holds a character a URL must not hold unescaped", instance);
            }
            String character = codePoint(uri.charAt(e.getIndex()));
            String index = String.valueOf(e.getIndex());
            return Problem.ofField(400, "bad-request", "Bad Request", part,
                    "holds a character a URL must not hold unescaped (" + character + " at character " + index + ")",
                    instance).worded("unescaped-character", character, index);
        }
    }

    /** The gateway's own parameters and headers are names, codes and tokens: no control character belongs in one. */
    private static Problem controlCharacters(HttpServerRequest request, String instance) {
        for (Map.Entry<String, String> parameter : request.params()) {
            String fault = controlCharacterIn(parameter.getKey() + parameter.getValue(), false);
            if (fault != null) {
                return controlCharacter(parameter.getKey(), fault, instance);
            }
        }
        for (Map.Entry<String, String> header : request.headers()) {
            String fault = controlCharacterIn(header.getValue(), true);
            if (fault != null) {
                return controlCharacter(header.getKey(), fault, instance);
            }
        }
        return null;
    }

    private static Problem controlCharacter(String name, String character, String instance) {
        return Problem.ofField(400, "invalid-characters", "Bad Request", name,
                "must not contain the control character " + character, instance)
                .worded("invalid-characters", character);
    }

    /**
     * The first control character in {@code text}, as {@code U+0000}, or null.
     * @param tabAllowed a header value may hold a tab (RFC 9110); a parameter may not
     */
    static String controlCharacterIn(String text, boolean tabAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && !(tabAllowed && c == '\t')) || c == 0x7f) {
                return codePoint(c);
            }
        }
        return null;
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }

    /** As HTTP/1.1 sends them: {@code name: value} and a line break each. */
    private static long headersSize(MultiMap headers) {
        long size = 0;
        for (Map.Entry<String, String> header : headers) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    static boolean isApi(String path) {
        return path != null && (path.startsWith("/api/") || path.equals("/api"));
    }
}
