package vn.commops.indicator.indicator;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.api.IfMatch;
import vn.commops.common.security.Roles;
import vn.commops.indicator.value.Filters;
import vn.commops.indicator.value.Hierarchy;
import vn.commops.indicator.value.IndicatorValue;
import vn.commops.indicator.value.IndicatorValues;
import vn.commops.indicator.value.IndicatorValuesResource;
import vn.commops.indicator.value.ValuesCsv;

@Path("/api/v1/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Indicators", description = "Indicator definitions, and their live values computed from activity events "
        + "and reported statistics, rolled up the hierarchy and over periods")
public class IndicatorResource {

    private final IndicatorService service;
    private final IndicatorValues values;

    IndicatorResource(IndicatorService service, IndicatorValues values) {
        this.service = service;
        this.values = values;
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "List indicators", description = "Every indicator definition, by code.")
    @APIResponse(responseCode = "200", description = "The indicators")
    public List<IndicatorView> list() {
        return service.list();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Get an indicator", description = "One definition; its ETag is its version, for If-Match on PUT.")
    @APIResponse(responseCode = "200", description = "The indicator",
            content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    @APIResponse(responseCode = "404", description = "No such indicator")
    public Response get(@PathParam("code") @Parameter(example = "SI_COVERAGE_LABOUR_FORCE") String code) {
        IndicatorView indicator = service.get(code);
        return Response.ok(indicator).tag(IfMatch.etag(indicator.version())).build();
    }

    @POST
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    @Operation(summary = "Define an indicator",
            description = "Parses and checks numerator and denominator against the data elements; a formula that "
                    + "does not parse is refused naming the field and the character position. Sending the same "
                    + "definition again answers 200 with it.")
    @APIResponse(responseCode = "201", description = "Defined",
            content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    @APIResponse(responseCode = "200", description = "Already defined exactly so",
            content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    @APIResponse(responseCode = "400", description = "Malformed request or formula")
    @APIResponse(responseCode = "409", description = "The code is taken by another definition")
    public Response create(@Valid @NotNull IndicatorRequest request, UriInfo uriInfo) {
        IndicatorService.Saved saved = service.create(request);
        Response.ResponseBuilder response = saved.created()
                ? Response.created(uriInfo.getAbsolutePathBuilder().path(saved.indicator().code()).build())
                : Response.ok();
        return response.entity(saved.indicator()).tag(IfMatch.etag(saved.indicator().version())).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    @Operation(summary = "Change an indicator",
            description = "Replaces the definition (formulas checked as on create). With If-Match, refused when the "
                    + "indicator changed since it was read.")
    @APIResponse(responseCode = "200", description = "The new definition",
            content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    @APIResponse(responseCode = "400", description = "Malformed request or formula")
    @APIResponse(responseCode = "404", description = "No such indicator")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Response update(@PathParam("code") @Parameter(example = "SI_COVERAGE_LABOUR_FORCE") String code,
            @HeaderParam("If-Match") @Parameter(description = "The ETag read, e.g. \"1\"", example = "\"1\"")
            String ifMatch,
            @Valid @NotNull IndicatorRequest request) {
        IndicatorView indicator = service.update(code, request, IfMatch.optional(ifMatch));
        return Response.ok(indicator).tag(IfMatch.etag(indicator.version())).build();
    }

    @GET
    @Path("/{code}/series")
    @Produces({MediaType.APPLICATION_JSON, ValuesCsv.MEDIA_TYPE})
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Time series of an indicator for a unit",
            description = "One value per day, week, month, quarter or year (default: the indicator's period type) "
                    + "from the period holding `from` to the one holding `to`, at most 1000 points. Same filters as "
                    + "the values query; CSV with Accept: text/csv.")
    @APIResponse(responseCode = "200", description = "The series, oldest first", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(type = SchemaType.ARRAY, implementation = IndicatorValue.class)),
        @Content(mediaType = ValuesCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Missing or malformed unit, range, period type or form")
    @APIResponse(responseCode = "404", description = "No such indicator or org unit")
    public Response series(@PathParam("code") @Parameter(example = "NEW_HI_PARTICIPANTS") String code,
            @QueryParam("orgUnit") @Parameter(required = true, example = "LC") String orgUnit,
            @QueryParam("from") @Parameter(required = true, description = "A date or a period id", example = "2024-01-01")
            String from,
            @QueryParam("to") @Parameter(required = true, description = "A date or a period id", example = "2024-12-31")
            String to,
            @QueryParam("periodType") @Parameter(description = "DAY, WEEK, MONTH, QUARTER or YEAR", example = "MONTH")
            PeriodType periodType,
            @QueryParam("verifiedOnly") @DefaultValue("false")
            @Parameter(description = "Only activities whose verification status is VERIFIED", example = "true")
            boolean verifiedOnly,
            @QueryParam("form") @Parameter(description = "Only activities of this form", example = "SMALL_GROUP")
            String form,
            @QueryParam("campaign") @Parameter(description = "Only activities serving this campaign",
                    example = "7a1d9e44-0c3b-4f5e-8b2a-6e9f1c3d5a21") String campaign,
            @QueryParam("hierarchy") @Parameter(description = Hierarchy.DESCRIPTION, example = "as-was",
                    schema = @Schema(enumeration = {"current", "as-was"})) String hierarchy,
            @Context HttpHeaders headers) {
        List<IndicatorValue> series = values.series(code, orgUnit, from, to, periodType, new Filters(verifiedOnly,
                form == null || form.isBlank() ? null : form.trim(),
                campaign == null || campaign.isBlank() ? null : campaign.trim(), Hierarchy.parse(hierarchy)));
        if (IndicatorValuesResource.wantsCsv(headers)) {
            return Response.ok(ValuesCsv.write(series), ValuesCsv.MEDIA_TYPE + "; charset=UTF-8").build();
        }
        return Response.ok(series, MediaType.APPLICATION_JSON).build();
    }
}
