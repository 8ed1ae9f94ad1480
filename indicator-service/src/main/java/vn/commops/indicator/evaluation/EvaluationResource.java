package vn.commops.indicator.evaluation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import vn.commops.common.csv.Csv;
import vn.commops.common.export.ExportFormat;
import vn.commops.common.export.Exports;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Roles;
import vn.commops.indicator.value.Filters;
import vn.commops.indicator.value.Hierarchy;
import vn.commops.indicator.value.UnitScope;

@Path("/api/v1/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluations", description = "Values judged against targets for the share of the period elapsed: "
        + "scorecards, rankings, commendation candidates and behind-target alerts")
public class EvaluationResource {

    private final EvaluationService service;
    private final AlertWatch alerts;
    private final Exports exports;

    EvaluationResource(EvaluationService service, AlertWatch alerts, Exports exports) {
        this.service = service;
        this.alerts = alerts;
        this.exports = exports;
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Evaluate a unit",
            description = "Each indicator's value for the unit's subtree against the target in force, what the "
                    + "elapsed share of the period calls for, and the status: ACHIEVED, ON_TRACK, BEHIND or NO_TARGET.")
    @APIResponse(responseCode = "200", description = "One evaluation per indicator",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Evaluation.class)))
    @APIResponse(responseCode = "400", description = "Missing or malformed unit, period or date")
    @APIResponse(responseCode = "404", description = "No such org unit")
    @APIResponse(responseCode = "422", description = "Unknown indicator or campaign")
    public List<Evaluation> evaluate(
            @QueryParam("indicators") @Parameter(description = "Indicator codes, comma-separated; all when absent",
                    example = "NEW_HI_PARTICIPANTS,APP_INSTALLS") String indicators,
            @QueryParam("orgUnit") @Parameter(required = true, example = "LC") String orgUnit,
            @QueryParam("period") @Parameter(required = true, example = "202405") String period,
            @QueryParam("asOf") @Parameter(description = "Judge as on this day (default today)", example = "2024-05-20")
            String asOf,
            @QueryParam("verifiedOnly") @DefaultValue("false") @Parameter(example = "true") boolean verifiedOnly,
            @QueryParam("hierarchy") @Parameter(description = Hierarchy.DESCRIPTION, example = "as-was",
                    schema = @Schema(enumeration = {"current", "as-was"})) String hierarchy) {
        return service.evaluate(list(indicators), orgUnit, period, day(asOf), filters(verifiedOnly, hierarchy));
    }

    @GET
    @Path("/scorecard")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE, ExportFormat.XLSX_MEDIA_TYPE})
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Scorecard of a unit's children",
            description = "The unit and each of its direct children judged on the same indicators in one period. "
                    + "JSON; or as a CSV or XLSX sheet (format=csv|xlsx, or Accept), one row per unit and indicator, "
                    + "the unit first, then its children by code.")
    @APIResponse(responseCode = "200", description = "The scorecard", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Scorecard.class)),
        @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = ExportFormat.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "Missing or malformed unit, period or date")
    @APIResponse(responseCode = "404", description = "No such org unit")
    @APIResponse(responseCode = "422", description = "Unknown indicator or campaign")
    public Response scorecard(
            @QueryParam("orgUnit") @Parameter(required = true, example = "LC") String orgUnit,
            @QueryParam("period") @Parameter(required = true, example = "202405") String period,
            @QueryParam("indicators") @Parameter(description = "Indicator codes, comma-separated; all when absent",
                    example = "NEW_HI_PARTICIPANTS,APP_INSTALLS") String indicators,
            @QueryParam("asOf") @Parameter(description = "Judge as on this day (default today)", example = "2024-05-20")
            String asOf,
            @QueryParam("verifiedOnly") @DefaultValue("false") @Parameter(example = "true") boolean verifiedOnly,
            @QueryParam("hierarchy") @Parameter(description = Hierarchy.DESCRIPTION, example = "as-was",
                    schema = @Schema(enumeration = {"current", "as-was"})) String hierarchy,
            @QueryParam("format") @Parameter(description = ExportFormat.PARAMETER_DESCRIPTION, example = "xlsx")
            String format,
            HttpHeaders headers) {
        Optional<ExportFormat> export = ExportFormat.requested(format, headers);
        Scorecard scorecard = service.scorecard(list(indicators), orgUnit, period, day(asOf),
                filters(verifiedOnly, hierarchy));
        if (export.isPresent()) {
            // A unit's children and their indicators: a few hundred rows, computed whole as the JSON is.
            List<Evaluation> rows = ScorecardExport.rows(scorecard);
            return exports.paged(export.get(), ScorecardExport.FILE_NAME, ScorecardExport.COLUMNS, Integer.MAX_VALUE,
                    index -> index == 0 ? rows : List.of());
        }
        return Response.ok(scorecard, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/rankings")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Rank the units of a level",
            description = "Units of one level (below orgUnit, or nationwide) by achievement of their targets, then "
                    + "by value; units without a target follow those with one.")
    @APIResponse(responseCode = "200", description = "Best first",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Ranking.class)))
    @APIResponse(responseCode = "400", description = "Missing indicator, level or period")
    @APIResponse(responseCode = "404", description = "No such org unit")
    @APIResponse(responseCode = "422", description = "Unknown indicator or campaign")
    public List<Ranking> rankings(
            @QueryParam("indicator") @Parameter(required = true, example = "NEW_HI_PARTICIPANTS") String indicator,
            @QueryParam("level") @Parameter(required = true, example = "PROVINCE") String level,
            @QueryParam("orgUnit") @Parameter(description = "Only units below this one", example = "VN") String orgUnit,
            @QueryParam("period") @Parameter(required = true, example = "202405") String period,
            @QueryParam("asOf") @Parameter(description = "Judge as on this day (default today)", example = "2024-05-20")
            String asOf,
            @QueryParam("verifiedOnly") @DefaultValue("false") @Parameter(example = "true") boolean verifiedOnly,
            @QueryParam("hierarchy") @Parameter(description = Hierarchy.DESCRIPTION, example = "as-was",
                    schema = @Schema(enumeration = {"current", "as-was"})) String hierarchy) {
        return service.rankings(indicator, level, orgUnit, period, day(asOf), filters(verifiedOnly, hierarchy));
    }

    @GET
    @Path("/commendations")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Commendation candidates",
            description = "Units in scope (the unit's children by default) that achieved every target they have in "
                    + "the period, best mean achievement first, with the figures and the activities behind them.")
    @APIResponse(responseCode = "200", description = "The candidates",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CommendationCandidate.class)))
    @APIResponse(responseCode = "400", description = "Missing or malformed unit, scope or period")
    @APIResponse(responseCode = "404", description = "No such org unit")
    @APIResponse(responseCode = "422", description = "Unknown indicator or campaign")
    public List<CommendationCandidate> commendations(
            @QueryParam("orgUnit") @Parameter(required = true, example = "VN") String orgUnit,
            @QueryParam("scope") @DefaultValue("CHILDREN")
            @Parameter(description = "CHILDREN, SUBTREE or LEVEL", example = "LEVEL") UnitScope scope,
            @QueryParam("level") @Parameter(description = "The level for scope LEVEL", example = "PROVINCE")
            String level,
            @QueryParam("period") @Parameter(required = true, example = "2024") String period,
            @QueryParam("indicators") @Parameter(description = "Indicator codes, comma-separated; all when absent",
                    example = "NEW_HI_PARTICIPANTS,APP_INSTALLS") String indicators,
            @QueryParam("asOf") @Parameter(description = "Judge as on this day (default today)", example = "2024-12-31")
            String asOf,
            @QueryParam("verifiedOnly") @DefaultValue("false") @Parameter(example = "true") boolean verifiedOnly,
            @QueryParam("hierarchy") @Parameter(description = Hierarchy.DESCRIPTION, example = "as-was",
                    schema = @Schema(enumeration = {"current", "as-was"})) String hierarchy) {
        return service.commendations(list(indicators), orgUnit, scope, level, period, day(asOf), filters(verifiedOnly, hierarchy));
    }

    @GET
    @Path("/alerts")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.UNIT_MANAGER, Roles.UNIT_OFFICER, Roles.CRISIS_ANALYST, Roles.VIEWER})
    @Operation(summary = "Behind-target alerts",
            description = "Units behind what the elapsed share of a period calls for, newest first; each was also "
                    + "published once as indicator.behind-target on the indicator-alerts topic.")
    @APIResponse(responseCode = "200", description = "The alerts",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Alert.class)))
    public List<Alert> alerts(
            @QueryParam("orgUnit") @Parameter(example = "LC") String orgUnit,
            @QueryParam("period") @Parameter(example = "202405") String period,
            @QueryParam("active") @DefaultValue("true")
            @Parameter(description = "Only alerts whose unit has not caught up", example = "true") boolean active) {
        return alerts.alerts(orgUnit, period, active);
    }

    @POST
    @Path("/alerts/check")
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    @Operation(summary = "Check for units behind target now",
            description = "Runs the behind-target watch at once (it also runs every minute): raises an alert and its "
                    + "event for each unit newly behind, resolves the alerts of units that caught up.")
    @APIResponse(responseCode = "200", description = "What the pass found",
            content = @Content(schema = @Schema(implementation = AlertWatch.CheckReport.class)))
    @APIResponse(responseCode = "403", description = "Only national administrators may run it")
    public AlertWatch.CheckReport check() {
        return alerts.check();
    }

    private static Filters filters(boolean verifiedOnly, String hierarchy) {
        return new Filters(verifiedOnly, null, null, Hierarchy.parse(hierarchy));
    }

    private static List<String> list(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-date", "asOf", "a date like 2024-05-20");
        }
    }
}
