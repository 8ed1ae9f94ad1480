package vn.commops.plan.orgunit;

import java.util.List;
import java.util.function.Function;
import vn.commops.common.export.Column;

/**
 * The columns of an org units export, named and ordered as in the JSON (the hierarchy import reads its
 * columns by these names too). New columns only ever go at the end.
 */
final class OrgUnitExport {

    static final String FILE_NAME = "org-units";

    static final List<Column<OrgUnitView>> COLUMNS = List.of(
            Column.of("code", OrgUnitView::code),
            Column.of("name", OrgUnitView::name),
            Column.of("levelCode", OrgUnitView::levelCode),
            Column.of("parentCode", OrgUnitView::parentCode),
            Column.of("path", OrgUnitView::path),
            Column.of("validFrom", OrgUnitView::validFrom),
            Column.of("validTo", OrgUnitView::validTo),
            Column.of("successorCode", OrgUnitView::successorCode));

    private OrgUnitExport() {
    }

    /** The columns over rows of a unit or of a version, each seen as the unit it shows. */
    static <E> List<Column<E>> of(Function<E, OrgUnitView> view) {
        return COLUMNS.stream().<Column<E>>map(column -> Column.of(column.header(),
                row -> column.value().apply(view.apply(row)))).toList();
    }
}
