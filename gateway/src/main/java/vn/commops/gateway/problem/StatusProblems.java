package vn.commops.gateway.problem;

import java.util.Map;

/**
 * The problem for an HTTP status the gateway gives without more to say than the status: the same
 * slug and words whether the router or an endpoint refused the request. The slugs are the services'.
 */
public final class StatusProblems {

    private record Kind(String slug, String title, String detail) {
    }

    private static final Map<Integer, Kind> KINDS = Map.of(
            400, new Kind("bad-request", "Bad Request", "The request cannot be read"),
            401, new Kind("unauthenticated", "Authentication required", "Send valid credentials"),
            403, new Kind("forbidden", "Not allowed", "The credentials do not allow this"),
            404, new Kind("not-found", "Not Found", "Nothing is served at this path"),
            405, new Kind("method-not-allowed", "Method Not Allowed", "This path does not take this method"),
            406, new Kind("not-acceptable", "Not Acceptable", "None of the media types in Accept can be answered here"),
            413, new Kind("payload-too-large", "Payload Too Large", "The request body is larger than the gateway accepts"),
            414, new Kind("uri-too-long", "URI Too Long", "The URL is longer than the gateway accepts"),
            415, new Kind("unsupported-media-type", "Unsupported Media Type", "This path does not take a body of this type"),
            431, new Kind("headers-too-large", "Request Header Fields Too Large",
                "The headers are larger than the gateway accepts"));

    private StatusProblems() {
    }

    /** Statuses the router itself answers with when no endpoint takes a request. */
    static Iterable<Integer> known() {
        return KINDS.keySet();
    }

    public static Problem of(int status, String instance) {
        Kind kind = KINDS.getOrDefault(status, new Kind("http-" + status, "Client Error",
                "The request cannot be served as sent"));
        return Problem.of(status, kind.slug(), kind.title(), kind.detail(), instance);
    }

    /** A failure of the gateway's own, never of the request, under an incident the client can quote. */
    static Problem unexpected(String incident, String instance) {
        return Problem.of(500, "unexpected", "Unexpected failure",
                "The request failed unexpectedly; quote incident " + incident + " when reporting it", instance)
                .worded("unexpected", incident);
    }

    /** A problem's {@code instance} echoes the path only when it is short: a refused URL may be huge. */
    public static String instance(String path) {
        return path == null || path.length() > 200 ? null : path;
    }
}
