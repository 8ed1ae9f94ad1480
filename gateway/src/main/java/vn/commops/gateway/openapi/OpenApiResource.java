package vn.commops.gateway.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.gateway.GatewayConfig;
import vn.commops.gateway.problem.Problem;
import vn.commops.gateway.problem.ProblemWriter;

@Path("/")
@Tag(name = "API description", description = "The OpenAPI document of the whole platform")
public class OpenApiResource {

    static final String YAML = "application/yaml";

    private final OpenApiCatalog catalog;
    private final GatewayConfig config;
    private final ObjectMapper json;
    private final ObjectMapper yaml = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            // Else "1.0" (info.version) would be read back as a number.
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build());

    OpenApiResource(OpenApiCatalog catalog, GatewayConfig config, ObjectMapper json) {
        this.catalog = catalog;
        this.config = config;
        this.json = json;
    }

    @GET
    @Path("/openapi")
    @Produces({MediaType.APPLICATION_JSON, YAML})
    @Operation(summary = "Get the platform's OpenAPI document",
            description = "Every public endpoint of every service, merged into one document. A service that is "
                    + "down at the time is left out and named in x-commops-unavailable-services.")
    @APIResponse(responseCode = "200", description = "The OpenAPI 3 document", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)),
        @Content(mediaType = YAML, schema = @Schema(type = SchemaType.OBJECT))})
    @APIResponse(responseCode = "400", description = "A format other than json or yaml",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public CompletionStage<Response> document(
            @QueryParam("format") @Parameter(description = "json (the default) or yaml", example = "yaml",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "yaml"})) String format,
            @Context UriInfo uriInfo, @Context HttpHeaders headers) {
        if (format != null && !format.equals("json") && !format.equals("yaml")) {
            // Answering JSON to a format the client misspelt would hide its mistake; the description lists the two.
            Problem problem = Problem.ofField(400, "invalid-parameter", "Bad Request", "format", "must be json or yaml",
                    "/openapi");
            return CompletableFuture.completedFuture(ProblemWriter.response(problem, headers).build());
        }
        return render("yaml".equals(format), uriInfo);
    }

    @GET
    @Path("/openapi.yaml")
    @Produces(YAML)
    @Operation(summary = "Get the platform's OpenAPI document as YAML",
            description = "The same document as /openapi, in YAML.")
    @APIResponse(responseCode = "200", description = "The OpenAPI 3 document",
            content = @Content(mediaType = YAML, schema = @Schema(type = SchemaType.OBJECT)))
    public CompletionStage<Response> yamlDocument(@Context UriInfo uriInfo) {
        return render(true, uriInfo);
    }

    private CompletionStage<Response> render(boolean asYaml, UriInfo uriInfo) {
        return catalog.document(serverUrl(uriInfo)).map(document -> Response.ok(write(document, asYaml))
                .type(asYaml ? YAML + ";charset=UTF-8" : MediaType.APPLICATION_JSON + ";charset=UTF-8")
                .build()).toCompletionStage();
    }

    private String serverUrl(UriInfo uriInfo) {
        return config.openapi().serverUrl().orElseGet(() -> uriInfo.getBaseUri().toString().replaceAll("/+$", ""));
    }

    private String write(ObjectNode document, boolean asYaml) {
        try {
            return (asYaml ? yaml : json).writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
