package vn.commops.common.problem;

import java.util.List;

/** A business rule said no; carries everything its problem response needs. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "not-found", what + " not found", what + " '" + id + "' does not exist",
                List.of());
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict with the current state", detail, List.of());
    }

    /** A parameter or field that is malformed in itself, before any business rule is asked. */
    public static ProblemException badRequest(String slug, String field, String message) {
        return new ProblemException(400, slug, "Request is not valid", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** A value that is well-formed but refers to or states something the service cannot accept. */
    public static ProblemException invalidField(String slug, String field, String message) {
        return new ProblemException(422, slug, "Request cannot be processed", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
