package vn.commops.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details body. {@code type} is stable per kind of error so clients can branch
 * on it; {@code errors} names every field at fault.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(description = "Stable identifier of the kind of error", examples = "urn:commops:problem:validation")
        String type,
        @Schema(examples = "Request is not valid") String title,
        @Schema(examples = "400") int status,
        @Schema(examples = "orgUnitCode: must not be blank") String detail,
        @Schema(description = "The request path", examples = "/api/v1/activities") String instance,
        @Schema(description = "Every field at fault") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:commops:problem:";

    public static String type(String slug) {
        return TYPE_PREFIX + slug;
    }

    /** A field at fault, by its JSON path in the request ({@code audience.attendance}) or parameter name. */
    @Schema(name = "ProblemFieldError")
    public record FieldError(
            @Schema(examples = "orgUnitCode") String field,
            @Schema(examples = "must not be blank") String message) {
    }
}
