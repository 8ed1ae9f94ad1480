package vn.commops.gateway.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.commops.contract.UnreadableFields;

/**
 * Problems for what the gateway's own endpoints ({@code /auth}, {@code /openapi}) refuse or fail at:
 * Quarkus REST would answer a wrong method, media type or body with an empty response, and an
 * exception with its own page.
 */
public class RestProblems {

    private static final Logger LOG = Logger.getLogger(RestProblems.class);

    /** 404, 405, 406, 415 and the like, as the router answers them. */
    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri, headers);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getFamily() != Response.Status.Family.CLIENT_ERROR) {
            return unexpected(e, uri, headers);
        }
        // Quarkus' own words name its annotations (@Produces, @Consumes), which say nothing to a client.
        return ProblemWriter.response(StatusProblems.of(status.getStatusCode(), path(uri)), headers).build();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        return unreadable(e, uri, headers);
    }

    /** Declared for the subtypes too, or Quarkus' own mappers for them would answer instead. */
    @ServerExceptionMapper
    public Response unreadableField(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        return unreadable(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response unreadableDefinition(InvalidDefinitionException e, UriInfo uri, HttpHeaders headers) {
        return unreadable(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure of %s, incident %s", uri.getPath(), incident);
        return ProblemWriter.response(StatusProblems.unexpected(incident, path(uri)), headers).build();
    }

    /** A body that is not JSON, or not in the shape the endpoint reads: the field at fault is named. */
    static Response unreadable(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        return ProblemWriter.response(unreadable(e, path(uri)), headers).build();
    }

    private static Problem unreadable(JsonProcessingException e, String instance) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof JsonMappingException mapping && !(e instanceof JsonParseException)
                && !message.startsWith("Trailing token")) {
            return Problem.ofField(400, "unreadable-field", "A field cannot be read",
                    UnreadableFields.fieldOf(mapping), UnreadableFields.why(mapping), instance);
        }
        JsonStreamContext context = e.getProcessor() instanceof JsonParser parser ? parser.getParsingContext() : null;
        if (message.startsWith("Duplicate field") && context != null) {
            return malformed(fieldOf(context), "is sent twice; which one was meant cannot be told", instance)
                    .worded("duplicate-key");
        }
        String location = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        Object[] lineAndColumn = e.getLocation() == null ? new Object[0]
                : new Object[] {e.getLocation().getLineNr(), e.getLocation().getColumnNr()};
        if (message.startsWith("Trailing token") || context != null && context.inRoot() && context.getEntryCount() > 0) {
            return malformed("body", "holds more after the JSON document" + location, instance)
                    .worded("trailing-content", lineAndColumn);
        }
        String syntax = UnreadableFields.syntaxError(e);
        String reason = syntax.isEmpty() ? "" : ": " + syntax;
        Problem malformed = Problem.of(400, "malformed-json", "Body is not valid JSON",
                "The request body is not valid JSON" + location + reason, instance);
        return e.getLocation() == null ? malformed.worded("malformed-json-nowhere", reason)
                : malformed.worded("malformed-json", lineAndColumn[0], lineAndColumn[1], reason);
    }

    private static Problem malformed(String field, String message, String instance) {
        return Problem.ofField(400, "malformed-json", "Body is not valid JSON", field, message, instance);
    }

    /** Where the parser stood, as the same JSON path: the duplicated key is the context's current name. */
    private static String fieldOf(JsonStreamContext context) {
        List<String> segments = new ArrayList<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            segments.add(0, at.inArray() ? "[" + Math.max(0, at.getCurrentIndex()) + "]" : "." + at.getCurrentName());
        }
        String field = String.join("", segments).replaceFirst("^\\.", "");
        return field.isEmpty() ? "body" : field;
    }

    private static String path(UriInfo uri) {
        return StatusProblems.instance(uri.getPath());
    }
}
