package vn.commops.plan.plan;

import java.util.List;
import vn.commops.common.export.Column;

/**
 * The columns of a plans export, named as in the JSON. A row carries the plan's own objectives and
 * indicators: what it inherits is read live up its lineage, a query a row that a file of every plan
 * does not pay for (the plan's JSON shows it). New columns only ever go at the end.
 */
final class PlanExport {

    static final String FILE_NAME = "plans";

    static final List<Column<Plan>> COLUMNS = List.of(
            Column.of("id", p -> p.id),
            Column.of("type", p -> p.type),
            Column.of("title", p -> p.title),
            Column.of("objectives", p -> p.objectives),
            Column.joined("indicatorCodes", Plan::ownIndicators),
            Column.of("ownerUnitCode", p -> p.ownerUnitCode),
            Column.of("periodStart", p -> p.periodStart),
            Column.of("periodEnd", p -> p.periodEnd),
            Column.of("parentPlanId", p -> p.parentPlanId),
            Column.of("status", p -> p.status),
            Column.of("createdAt", p -> p.createdAt),
            Column.of("updatedAt", p -> p.updatedAt),
            Column.of("revision", p -> p.revision),
            Column.of("version", p -> p.version));

    private PlanExport() {
    }
}
