package vn.commops.plan.assignment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import vn.commops.common.export.Column;

/**
 * The columns of an assignments export, named as in the JSON ({@code progress.doneQuantity} for a field
 * of the progress): what a unit was handed and how far it got, counted as the list's {@code count} says.
 * One column per outcome metric for the targets, then for the progress outcomes, last, so that a new
 * metric adds columns at the end; any other new column goes before them.
 */
final class AssignmentExport {

    static final String FILE_NAME = "assignments";

    private AssignmentExport() {
    }

    /** @param progress read once per row, however many columns show it */
    static List<Column<Assignment>> columns(Function<Assignment, AssignmentProgress.Progress> progress) {
        Function<Assignment, AssignmentProgress.Progress> ofRow = oncePerRow(progress);
        List<Column<Assignment>> columns = new ArrayList<>(List.of(
                Column.of("id", a -> a.id),
                Column.of("planId", a -> a.planId),
                Column.of("campaignId", a -> a.campaignId),
                Column.of("parentAssignmentId", a -> a.parentAssignmentId),
                Column.of("orgUnitCode", a -> a.orgUnitCode),
                Column.of("title", a -> a.title),
                Column.of("description", a -> a.description),
                Column.of("form", a -> a.form),
                Column.of("quantity", a -> a.quantity),
                Column.of("budgetVnd", a -> a.budgetVnd),
                Column.of("startDate", a -> a.startDate),
                Column.of("dueDate", a -> a.dueDate),
                Column.of("responsible", a -> a.responsible),
                Column.of("status", a -> a.status),
                Column.of("transferredFrom", a -> a.transferredFrom),
                Column.of("sourceCaseId", a -> a.sourceCaseId),
                Column.of("progress.doneQuantity", a -> ofRow.apply(a).doneQuantity()),
                Column.of("progress.activities", a -> ofRow.apply(a).activities()),
                Column.of("progress.achievedShare", a -> ofRow.apply(a).achievedShare()),
                Column.of("progress.elapsedShare", a -> ofRow.apply(a).elapsedShare()),
                Column.of("progress.progressStatus", a -> ofRow.apply(a).progressStatus()),
                Column.of("progress.counting", a -> ofRow.apply(a).counting()),
                Column.of("createdAt", a -> a.createdAt),
                Column.of("version", a -> a.version)));
        for (String metric : OutcomeMetric.ALL) {
            columns.add(Column.of("targets." + metric, a -> a.targets.get(metric)));
        }
        for (String metric : OutcomeMetric.ALL) {
            columns.add(Column.of("progress.outcomes." + metric, a -> ofRow.apply(a).outcomes().get(metric)));
        }
        return List.copyOf(columns);
    }

    /** The cells of a row are taken one after the other: the last row's progress serves all of them. */
    private static Function<Assignment, AssignmentProgress.Progress> oncePerRow(
            Function<Assignment, AssignmentProgress.Progress> progress) {
        return new Function<>() {
            private Assignment row;
            private AssignmentProgress.Progress rowProgress;

            @Override
            public AssignmentProgress.Progress apply(Assignment assignment) {
                if (assignment != row) {
                    row = assignment;
                    rowProgress = progress.apply(assignment);
                }
                return rowProgress;
            }
        };
    }
}
