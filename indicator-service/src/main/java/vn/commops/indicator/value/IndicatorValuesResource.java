package vn.commops.indicator.value;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.export.ExportFormat;
import vn.commops.common.export.Exports;
import vn.commops.common.security.Roles;

@Path("/api/v1/indicators/values")
@Tag(name = "Indicators")
public class IndicatorValuesResource {

    /** Values computed per page of an export: the JSON list's largest page. */
    private static final int EXPORT_PAGE = 500;

    private final IndicatorValues values;
    private final Exports exports;

    IndicatorValuesResource(IndicatorValues values, Exports exports) {
        this.values = values;
        this.exports = exports;
    }

    @Schema(name = "IndicatorValuePage", description = "One page of indicator values")
    public static class ValuePage {
        @Schema(examples = "[{\"indicatorCode\": \"NEW_HI_PARTICIPANTS\", \"orgUnitCode\": \"LC\", \"orgUnitName\": "
                + "\"Tỉnh Lào Cai\", \"period\": \"202405\", \"startDate\": \"2024-05-01\", \"endDate\": "
                + "\"2024-05-31\", \"value\": 1837, \"numerator\": 1837, \"denominator\": 1}]")
        public List<IndicatorValue> items;
        @Schema(examples = "0") public int page;
        @Schema(examples = "50") public int size;
        @Schema(examples = "63") public long totalItems;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, ValuesCsv.MEDIA_TYPE, ExportFormat.XLSX_MEDIA_TYPE})
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Indicator values for units and periods",
            description = "Values of the indicators (all when none is named) for a unit, its children, a level below "
                    + "it or its whole subtree, in one or more periods. A unit's value counts its whole subtree. "
                    + "Live: an activity event moves them within about a second. Filter to verified activities, one "
                    + "form or one campaign. JSON pages; or every value as one streamed CSV or XLSX file (format=csv|xlsx, or "
                    + "Accept), computed a page at a time, same filters and order, no page limit.")
    @APIResponse(responseCode = "200", description = "One page of values", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ValuePage.class)),
        @Content(mediaType = ValuesCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = ExportFormat.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "Missing or malformed unit, period, scope, form or sort")
    @APIResponse(responseCode = "404", description = "No such org unit")
    @APIResponse(responseCode = "422", description = "Unknown indicator or campaign")
    public Response values(
            @QueryParam("indicators") @Parameter(description = "Indicator codes, comma-separated; all when absent",
                    example = "NEW_HI_PARTICIPANTS,APP_INSTALLS") String indicators,
            @QueryParam("orgUnit") @Parameter(required = true, example = "LC") String orgUnit,
            @QueryParam("scope") @DefaultValue("SELF")
            @Parameter(description = "SELF, CHILDREN, SUBTREE or LEVEL (with level)", example = "CHILDREN")
            UnitScope scope,
            @QueryParam("level") @Parameter(description = "The level for scope LEVEL", example = "COMMUNE") String level,
            @QueryParam("period") @Parameter(required = true,
                    description = "Period ids, comma-separated: 2024, 2024Q2, 202405, 2024W20, 20240513, or a campaign id "
                            + "for its window", example = "202405") String period,
            @QueryParam("verifiedOnly") @DefaultValue("false")
            @Parameter(description = "Only activities whose verification status is VERIFIED", example = "true")
            boolean verifiedOnly,
            @QueryParam("form") @Parameter(description = "Only activities of this form", example = "CONFERENCE")
            String form,
            @QueryParam("campaign") @Parameter(description = "Only activities serving this campaign",
                    example = "7a1d9e44-0c3b-4f5e-8b2a-6e9f1c3d5a21") String campaign,
            @QueryParam("hierarchy") @Parameter(description = Hierarchy.DESCRIPTION, example = "as-was",
                    schema = @Schema(enumeration = {"current", "as-was"})) String hierarchy,
            @Valid @BeanParam PageRequest paging,
            @QueryParam("format") @Parameter(description = ExportFormat.PARAMETER_DESCRIPTION, example = "csv")
            String format,
            HttpHeaders headers) {
        IndicatorValues.Query query = new IndicatorValues.Query(list(indicators), orgUnit, scope, level, list(period),
                new Filters(verifiedOnly, blankToNull(form), blankToNull(campaign), Hierarchy.parse(hierarchy)));
        Optional<ExportFormat> export = ExportFormat.requested(format, headers);
        if (export.isPresent()) {
            return exports.paged(export.get(), "indicator-values", ValuesCsv.COLUMNS, EXPORT_PAGE,
                    index -> values.values(query, index, EXPORT_PAGE, paging.sort).items());
        }
        PageOf<IndicatorValue> page = values.values(query, paging.page, paging.size, paging.sort);
        return Response.ok(page, MediaType.APPLICATION_JSON).build();
    }

    public static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()) {
                return false;
            }
            if ("text".equals(type.getType()) && "csv".equals(type.getSubtype())) {
                return true;
            }
        }
        return false;
    }

    static List<String> list(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
