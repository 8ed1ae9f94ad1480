package vn.commops.indicator.target;

import java.util.List;
import vn.commops.common.export.Column;
import vn.commops.indicator.indicator.Decimals;

/** The columns of a targets export, named as in the JSON. New columns only ever go at the end. */
final class TargetExport {

    static final String FILE_NAME = "targets";

    static final List<Column<Target>> COLUMNS = List.of(
            Column.of("id", t -> t.id),
            Column.of("indicatorCode", t -> t.indicatorCode),
            Column.of("orgUnitCode", t -> t.orgUnitCode),
            Column.of("period", t -> t.periodId),
            Column.of("value", t -> Decimals.plain(t.value)),
            Column.of("effectiveFrom", t -> t.effectiveFrom),
            Column.of("version", t -> t.version),
            Column.of("parentTargetId", t -> t.parentTargetId),
            Column.of("createdBy", t -> t.createdBy),
            Column.of("createdAt", t -> t.createdAt));

    private TargetExport() {
    }
}
