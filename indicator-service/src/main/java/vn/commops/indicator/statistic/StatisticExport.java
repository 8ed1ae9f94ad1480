package vn.commops.indicator.statistic;

import java.util.List;
import vn.commops.common.export.Column;

/** The columns of a statistics export, named as in the JSON. New columns only ever go at the end. */
final class StatisticExport {

    static final String FILE_NAME = "statistics";

    /** Figures read per page of an export: the JSON list's largest page. */
    static final int PAGE_SIZE = 500;

    static final List<Column<StatisticView>> COLUMNS = List.of(
            Column.of("orgUnit", StatisticView::orgUnit),
            Column.of("dataElement", StatisticView::dataElement),
            Column.of("period", StatisticView::period),
            Column.of("value", StatisticView::value),
            Column.of("updatedAt", StatisticView::updatedAt),
            Column.of("updatedBy", StatisticView::updatedBy));

    private StatisticExport() {
    }
}
