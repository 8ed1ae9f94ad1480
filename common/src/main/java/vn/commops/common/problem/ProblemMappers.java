package vn.commops.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.commops.contract.UnreadableFields;
import vn.commops.contract.problem.ProblemLanguage;

/**
 * Turns every failure into problem+json: the client learns what and where, never how the server is built,
 * in the language its Accept-Language asks for ({@link ProblemLanguage}; Vietnamese by default).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Long enough for a pool or a restarting server to recover, short enough that a client does not give up. */
    static final String RETRY_AFTER_SECONDS = "2";

    @ServerExceptionMapper
    public Response businessRule(ProblemException e, UriInfo uriInfo, HttpHeaders headers) {
        return ProblemResponses.of(e, ProblemResponses.languageOf(headers), uriInfo);
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidRequest(ConstraintViolationException e, UriInfo uriInfo, HttpHeaders headers) {
        // Hibernate Validator already chose the language of its messages the same way (quarkus.locales);
        // messages written out in an annotation are translated here by their English wording.
        Locale language = ProblemResponses.languageOf(headers);
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), ProblemTexts.fieldMessage(language, v.getMessage())))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        return ProblemResponses.of(400, "validation",
                ProblemTexts.title(language, "validation", 400, "Request is not valid"),
                ProblemTexts.joined(errors), errors, language, uriInfo);
    }

    /** Missing, expired or forged credentials. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uriInfo, HttpHeaders headers) {
        Response problem = businessRule(new ProblemException(401, "unauthenticated", "Authentication required",
                "Send a valid bearer token in the Authorization header", List.of()), uriInfo, headers);
        return Response.fromResponse(problem).header("WWW-Authenticate", "Bearer").build();
    }

    /** A valid caller whose role does not allow the operation. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uriInfo, HttpHeaders headers) {
        return businessRule(new ProblemException(403, "forbidden", "Not allowed",
                "Your role does not allow this operation", List.of()), uriInfo, headers);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uriInfo, HttpHeaders headers) {
        return unreadable(e, uriInfo, headers);
    }

    /** Declared for the subtype too, or Quarkus' own mapper for it would answer in plain JSON. */
    @ServerExceptionMapper
    public Response unreadableField(MismatchedInputException e, UriInfo uriInfo, HttpHeaders headers) {
        return unreadable(e, uriInfo, headers);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uriInfo, HttpHeaders headers) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uriInfo, headers);
        }
        int status = e.getResponse().getStatus();
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        if (family == Response.Status.Family.SERVER_ERROR) {
            return unexpected(e, uriInfo, headers);
        }
        String reason = status == 413 ? "Payload Too Large" : e.getResponse().getStatusInfo().getReasonPhrase();
        String slug = reason == null ? "http-" + status : reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return businessRule(new ProblemException(status, slug, reason, e.getMessage(), List.of()), uriInfo, headers);
    }

    /**
     * Jackson's own mapper would answer an empty 500; for a body its cause is the body (a key sent twice
     * into a record's constructor, a shape no property can take), so the client hears what cannot be read.
     */
    @ServerExceptionMapper
    public Response unreadableDefinition(InvalidDefinitionException e, UriInfo uriInfo, HttpHeaders headers) {
        LOG.debugf(e, "Body refused by its definition");
        return unreadable(e, uriInfo, headers);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uriInfo, HttpHeaders headers) {
        Optional<DatabaseFailures.Answer> database = DatabaseFailures.answerFor(e)
                .or(() -> DatabaseFailures.failedAtCommit(e) ? Optional.of(DatabaseFailures.unavailable()) : Optional.empty());
        if (database.isPresent()) {
            ProblemException problem = database.get().problem();
            Response response = businessRule(problem, uriInfo, headers);
            if (database.get().retryLater()) {
                LOG.warnf("Database unavailable: %s", DatabaseFailures.rootMessage(e));
                return Response.fromResponse(response).header("Retry-After", RETRY_AFTER_SECONDS).build();
            }
            LOG.debugf(e, "Refused by the database: %s", problem.getMessage());
            return response;
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        return businessRule(ProblemException.withArgs(500, "unexpected", "Unexpected failure",
                "The request failed unexpectedly; quote incident " + incident + " when reporting it", incident),
                uriInfo, headers);
    }


    private Response unreadable(JsonProcessingException e, UriInfo uriInfo, HttpHeaders headers) {
        if (e instanceof JsonMappingException mapping && !(e instanceof JsonParseException)
                && !mapping.getPath().isEmpty()) {
            return businessRule(ProblemException.fieldAtFault(400, "unreadable-field", "A field cannot be read",
                    UnreadableFields.fieldOf(mapping), UnreadableFields.why(mapping)), uriInfo, headers);
        }
        String line = e.getLocation() == null ? "?" : String.valueOf(e.getLocation().getLineNr());
        String column = e.getLocation() == null ? "?" : String.valueOf(e.getLocation().getColumnNr());
        String location = e.getLocation() == null ? "" : " at line " + line + ", column " + column;
        String syntax = UnreadableFields.syntaxError(e);
        String reason = syntax.isEmpty() ? "" : ": " + syntax;
        return businessRule(ProblemException.withArgs(400, "malformed-json", "Body is not valid JSON",
                "The request body is not valid JSON" + location + reason, line, column, reason), uriInfo, headers);
    }

    /**
     * The field a violation names, as the JSON path of the request a client recognises:
     * {@code create.request.audience.attendance} becomes {@code audience.attendance}, {@code items[2].name}
     * keeps its index, and a query or path parameter is named as such.
     */
    public static String fieldOf(ConstraintViolation<?> violation) {
        List<String> segments = new ArrayList<>();
        boolean parameterOnly = false;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                    continue;
                }
                case PARAMETER -> {
                    segments.add(node.getName());
                    parameterOnly = true;
                    continue;
                }
                default -> {
                }
            }
            if (parameterOnly) {
                // A request body is reported by its own fields, not by the Java parameter that carries it.
                segments.clear();
                parameterOnly = false;
            }
            if (node.getIndex() != null && !segments.isEmpty()) {
                int last = segments.size() - 1;
                segments.set(last, segments.get(last) + "[" + node.getIndex() + "]");
            }
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                segments.add(node.getName());
            }
        }
        return segments.isEmpty() ? "body" : String.join(".", segments);
    }
}
