package vn.commops.common.problem;

import java.util.List;
import java.util.Locale;

/**
 * A business rule said no; carries everything its problem response needs. The title and detail given
 * are the English texts; {@link #title(Locale)} and {@link #detail(Locale)} give them in the client's
 * language where {@link ProblemTexts} knows the problem type.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Object[] textArgs;
    /** The detail only lists the fields at fault, so it is rebuilt from their translated messages. */
    private final boolean detailIsErrors;

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        this(status, slug, title, detail, errors, false);
    }

    private ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors,
            boolean detailIsErrors, Object... textArgs) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.detailIsErrors = detailIsErrors;
        this.textArgs = textArgs.clone();
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "not-found", what + " not found", what + " '" + id + "' does not exist",
                List.of(), false, what, id);
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict with the current state", detail, List.of());
    }

    /**
     * A problem whose translated detail ({@link ProblemTexts}) is made of these values; {@code detail} is the
     * English text made of the same values.
     */
    public static ProblemException withArgs(int status, String slug, String title, String detail, Object... args) {
        return withArgs(status, slug, title, detail, List.of(), args);
    }

    public static ProblemException withArgs(int status, String slug, String title, String detail,
            List<Problem.FieldError> errors, Object... args) {
        return new ProblemException(status, slug, title, detail, errors, false, args);
    }

    /** A parameter or field that is malformed in itself, before any business rule is asked. */
    public static ProblemException badRequest(String slug, String field, String message) {
        return fieldAtFault(400, slug, "Request is not valid", field, message);
    }

    /** A value that is well-formed but refers to or states something the service cannot accept. */
    public static ProblemException invalidField(String slug, String field, String message) {
        return fieldAtFault(422, slug, "Request cannot be processed", field, message);
    }

    /** A problem whose detail is the one field at fault and why. */
    public static ProblemException fieldAtFault(int status, String slug, String title, String field, String message) {
        return new ProblemException(status, slug, title, field + ": " + message,
                List.of(new Problem.FieldError(field, message)), true);
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

    public String title(Locale language) {
        return ProblemTexts.title(language, slug, status, title, textArgs);
    }

    public String detail(Locale language) {
        if (detailIsErrors) {
            return ProblemTexts.joined(errors(language));
        }
        return ProblemTexts.detail(language, slug, getMessage(), textArgs);
    }

    public List<Problem.FieldError> errors(Locale language) {
        return ProblemTexts.fieldErrors(language, errors);
    }
}
