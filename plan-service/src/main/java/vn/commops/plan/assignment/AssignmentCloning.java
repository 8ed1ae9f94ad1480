package vn.commops.plan.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.common.security.Caller;
import vn.commops.plan.orgunit.OrgUnit;

/** A plan's assignments copied into its clone (PlanCloner), following their units through reorganisations. */
@ApplicationScoped
public class AssignmentCloning {

    private final NewAssignments assignments;
    private final Caller caller;

    AssignmentCloning(NewAssignments assignments, Caller caller) {
        this.assignments = assignments;
        this.caller = caller;
    }

    /** What a plan's clone did with its assignments: how many were copied, which units were mapped and which dropped. */
    public record CopyReport(int copied, List<UnitMapped> mapped, List<Dropped> dropped) {
    }

    @Schema(name = "CloneUnitMapped", description = "An assignment whose unit had closed or merged, copied to the successor")
    public record UnitMapped(@Schema(description = "The copy") UUID assignmentId,
            @Schema(examples = "Tuyên truyền nhóm nhỏ tháng 6") String title,
            @Schema(examples = "YB") String from, @Schema(examples = "LC") String to) {
    }

    @Schema(name = "CloneAssignmentDropped", description = "An assignment not copied, and why")
    public record Dropped(@Schema(description = "The original") UUID assignmentId,
            @Schema(examples = "Tuyên truyền nhóm nhỏ tháng 6") String title,
            @Schema(examples = "LC-BAOTHANG") String orgUnitCode,
            @Schema(examples = "the unit closed and has no successor") String reason) {
    }

    /**
     * Copies a plan's assignments into its clone with dates moved by {@code shift}, keeping their cascade
     * and pointing them at the copied campaigns. An assignment whose unit no longer exists on the copy's start
     * goes to the unit's successor (followed through successive reorganisations); with no successor, or one
     * outside the parent assignment's unit, it is dropped with its shares.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CopyReport copyAll(UUID fromPlanId, UUID toPlanId, UnaryOperator<LocalDate> shift,
            Map<UUID, UUID> campaignCopies) {
        Map<UUID, Assignment> copies = new HashMap<>();
        Map<UUID, String> droppedIds = new HashMap<>();
        List<UnitMapped> mapped = new ArrayList<>();
        List<Dropped> dropped = new ArrayList<>();
        List<Assignment> originals = Assignment.list("planId = ?1 order by length(lineage), createdAt", fromPlanId);
        for (Assignment original : originals) {
            LocalDate start = shift.apply(original.startDate);
            if (original.parentAssignmentId != null && droppedIds.containsKey(original.parentAssignmentId)) {
                droppedIds.put(original.id, original.orgUnitCode);
                dropped.add(new Dropped(original.id, original.title, original.orgUnitCode,
                        "its parent assignment (" + droppedIds.get(original.parentAssignmentId) + ") was dropped"));
                continue;
            }
            Assignment parent = original.parentAssignmentId == null ? null : copies.get(original.parentAssignmentId);
            OrgUnit unit = openOn(original.orgUnitCode, start);
            String refusal = unit == null ? closedWithoutSuccessor(original.orgUnitCode, start)
                    : parent != null && !unit.path.contains("/" + parent.orgUnitCode + "/")
                            ? "its unit's successor " + unit.code + " is not within " + parent.orgUnitCode
                                    + ", the unit of its parent assignment"
                            : null;
            if (refusal != null) {
                droppedIds.put(original.id, original.orgUnitCode);
                dropped.add(new Dropped(original.id, original.title, original.orgUnitCode, refusal));
                continue;
            }
            Assignment copy = new Assignment();
            copy.id = UUID.randomUUID();
            copy.planId = toPlanId;
            copy.campaignId = original.campaignId == null ? null : campaignCopies.get(original.campaignId);
            copy.parentAssignmentId = parent == null ? null : parent.id;
            copy.lineage = (parent == null ? "/" : parent.lineage) + copy.id + "/";
            copy.orgUnitCode = unit.code;
            copy.title = original.title;
            copy.description = original.description;
            copy.form = original.form;
            copy.quantity = original.quantity;
            copy.budgetVnd = original.budgetVnd;
            copy.startDate = start;
            copy.dueDate = shift.apply(original.dueDate);
            copy.responsible = original.responsible;
            copy.status = Assignment.Status.OPEN;
            copy.targets = new TreeMap<>(original.targets);
            copy.createdBy = caller.name();
            copy.createdAt = OffsetDateTime.now();
            copy.updatedAt = copy.createdAt;
            assignments.persist(copy);
            copies.put(original.id, copy);
            if (!unit.code.equals(original.orgUnitCode)) {
                mapped.add(new UnitMapped(copy.id, copy.title, original.orgUnitCode, unit.code));
            }
        }
        return new CopyReport(copies.size(), mapped, dropped);
    }

    /** The unit if it still exists on the day, else its successor's, following successors (at most 20 hops). */
    private static OrgUnit openOn(String code, LocalDate day) {
        OrgUnit unit = OrgUnit.findByCode(code).orElse(null);
        for (int hop = 0; unit != null && hop < 20; hop++) {
            if (unit.validTo == null || !unit.validTo.isBefore(day)) {
                return unit;
            }
            unit = unit.successorCode == null ? null : OrgUnit.findByCode(unit.successorCode).orElse(null);
        }
        return null;
    }

    private static String closedWithoutSuccessor(String code, LocalDate day) {
        return OrgUnit.findByCode(code).map(unit -> code + " stopped existing after " + unit.validTo
                + (unit.successorCode == null ? " with no successor" : " and no successor exists on " + day))
                .orElse(code + " is not a known org unit");
    }
}
