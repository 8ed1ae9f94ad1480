package vn.commops.plan.orgunit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.common.problem.Problem;
import vn.commops.common.problem.ProblemException;

/**
 * Loads a hierarchy row by row, idempotently by code: a row equal to the unit is unchanged, a
 * different one updates it (a new parent moves it), a new code creates it. Each row is its own
 * transaction, so a rejected row changes nothing and does not stop the others; a parent may come
 * earlier in the same file.
 */
@ApplicationScoped
public class OrgUnitImport {

    private final OrgUnitService units;
    private final OrgUnitReorganiser reorganiser;
    private final Validator validator;
    private final OrgUnitCalendar calendar;

    OrgUnitImport(OrgUnitService units, OrgUnitReorganiser reorganiser, Validator validator,
            OrgUnitCalendar calendar) {
        this.units = units;
        this.reorganiser = reorganiser;
        this.validator = validator;
        this.calendar = calendar;
    }

    @Schema(name = "OrgUnitImportOutcome")
    public enum Outcome {
        CREATED, UPDATED, UNCHANGED, REJECTED
    }

    @Schema(name = "OrgUnitImportRow", description = "What happened to one row")
    public record RowResult(
            @Schema(description = "1-based number of the record (CSV: data line after the header)", examples = "3")
            int row,
            @Schema(examples = "LC-HOPHAI") String code,
            Outcome outcome,
            @Schema(description = "Why a row was rejected, per field",
                    examples = "[{\"field\": \"validFrom\", \"message\": \"'01/07/2025' is not a date (yyyy-MM-dd)\"}]")
            List<Problem.FieldError> errors) {
    }

    @Schema(name = "OrgUnitImportReport", description = "Per-row outcome of a hierarchy import")
    public record Report(@Schema(examples = "1") int created, @Schema(examples = "1") int updated,
            @Schema(examples = "0") int unchanged, @Schema(examples = "1") int rejected,
            @Schema(examples = "[{\"row\": 1, \"code\": \"LC-HOPHAI\", \"outcome\": \"CREATED\", \"errors\": []}, "
                    + "{\"row\": 2, \"code\": \"LC-SAPA\", \"outcome\": \"UPDATED\", \"errors\": []}, {\"row\": 3, "
                    + "\"code\": \"LC-BATXAT\", \"outcome\": \"REJECTED\", \"errors\": [{\"field\": \"validFrom\", "
                    + "\"message\": \"'01/07/2025' is not a date (yyyy-MM-dd)\"}]}]")
            List<RowResult> rows) {

        static Report of(List<RowResult> rows) {
            return new Report(count(rows, Outcome.CREATED), count(rows, Outcome.UPDATED),
                    count(rows, Outcome.UNCHANGED), count(rows, Outcome.REJECTED), rows);
        }

        private static int count(List<RowResult> rows, Outcome outcome) {
            return (int) rows.stream().filter(row -> row.outcome() == outcome).count();
        }
    }

    /** A row as read from the file; {@code unreadable} names a field the reader could not parse. */
    record Row(OrgUnitRequest unit, Problem.FieldError unreadable) {
    }

    /** @param mayActOnPath whether the importer may act on the unit at a path (null path: a root) */
    public Report importUnits(List<OrgUnitRequest> units, Predicate<String> mayActOnPath, String actor) {
        return importRows(units.stream().map(unit -> new Row(unit, null)).toList(), mayActOnPath, actor);
    }

    Report importRows(List<Row> rows, Predicate<String> mayActOnPath, String actor) {
        ChangeNote note = new ChangeNote(actor == null ? "system" : actor, "import", null);
        List<RowResult> results = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            results.add(importRow(i + 1, rows.get(i), mayActOnPath, note));
        }
        return Report.of(results);
    }

    private RowResult importRow(int number, Row read, Predicate<String> mayActOnPath, ChangeNote note) {
        OrgUnitRequest row = read.unit();
        if (row == null) {
            return new RowResult(number, null, Outcome.REJECTED, List.of(new Problem.FieldError("", "empty row")));
        }
        if (read.unreadable() != null) {
            return new RowResult(number, row.code(), Outcome.REJECTED, List.of(read.unreadable()));
        }
        List<Problem.FieldError> invalid = validator.validate(row).stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field)).toList();
        if (!invalid.isEmpty()) {
            return new RowResult(number, row.code(), Outcome.REJECTED, invalid);
        }
        try {
            Outcome outcome = QuarkusTransaction.requiringNew().call(() -> apply(row, mayActOnPath, note));
            return new RowResult(number, row.code(), outcome, List.of());
        } catch (ProblemException e) {
            List<Problem.FieldError> errors = e.errors().isEmpty()
                    ? List.of(new Problem.FieldError("code", e.getMessage())) : e.errors();
            return new RowResult(number, row.code(), Outcome.REJECTED, errors);
        }
    }

    private Outcome apply(OrgUnitRequest row, Predicate<String> mayActOnPath, ChangeNote note) {
        OrgUnit unit = OrgUnit.findByCode(row.code()).orElse(null);
        if (unit == null) {
            units.create(row, mayActOnPath, note);
            return Outcome.CREATED;
        }
        OrgUnitService.requireUnit(mayActOnPath, unit.code, unit.parent == null ? null : unit.parent.path, "code");
        if (!unit.level.code.equals(row.levelCode())) {
            throw ProblemException.invalidField("level-change-not-supported", "levelCode",
                    "'" + unit.code + "' is a " + unit.level.code + "; a unit keeps its level (split or merge it instead)");
        }
        boolean sameParent = row.parentCode() == null ? unit.parent == null
                : unit.parent != null && unit.parent.code.equals(row.parentCode());
        boolean sameName = unit.name.equals(row.name().strip());
        boolean sameValidity = row.validFrom() == null || row.validFrom().equals(unit.validFrom);
        if (sameParent && sameName && sameValidity) {
            return Outcome.UNCHANGED;
        }
        LocalDate effective = effectiveDateFor(unit);
        if (!sameParent) {
            if (row.parentCode() == null) {
                throw ProblemException.invalidField("parent-required", "parentCode", "a unit cannot become a root");
            }
            OrgUnit parent = OrgUnit.findByCode(row.parentCode()).orElseThrow(() -> ProblemException.invalidField(
                    "unknown-org-unit", "parentCode", "no org unit '" + row.parentCode() + "'"));
            OrgUnitService.requireUnit(mayActOnPath, parent.code, parent.path, "parentCode");
            reorganiser.move(unit, parent, effective, note);
        }
        units.update(unit, row.name(), row.validFrom(), effective, note);
        return Outcome.UPDATED;
    }

    /** Today, or the day of the unit's last change if that lies ahead (history is appended in date order). */
    private LocalDate effectiveDateFor(OrgUnit unit) {
        LocalDate today = calendar.today();
        return OrgUnitVersion.current(unit.code).map(v -> v.effectiveFrom.isAfter(today) ? v.effectiveFrom : today)
                .orElse(today);
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        return path.isEmpty() ? "" : path;
    }
}
