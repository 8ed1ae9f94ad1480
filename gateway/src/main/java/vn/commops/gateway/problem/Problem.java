package vn.commops.gateway.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem details body, in the same shape the services answer with (their
 * {@code Problem} contract lives in the `common` module, which the gateway must not depend on).
 * The gateway's problems name no fields, so {@code errors} is left out.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:commops:problem:";

    public static Problem of(int status, String slug, String title, String detail, String instance) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, instance);
    }
}
