package vn.commops.indicator.evaluation;

import java.util.ArrayList;
import java.util.List;
import vn.commops.common.export.Column;
import vn.commops.indicator.value.ValuesCsv;

/**
 * A scorecard as a sheet: one row per unit and indicator, the unit itself first, then its children
 * by code, as the JSON holds them. New columns only ever go at the end.
 */
final class ScorecardExport {

    static final String FILE_NAME = "scorecard";

    static final List<Column<Evaluation>> COLUMNS = List.of(
            Column.of("orgUnitCode", Evaluation::orgUnitCode),
            Column.of("orgUnitName", Evaluation::orgUnitName),
            Column.of("indicatorCode", Evaluation::indicatorCode),
            Column.of("period", Evaluation::period),
            Column.of("asOf", Evaluation::asOf),
            Column.of("value", e -> ValuesCsv.number(e.value())),
            Column.of("target", e -> ValuesCsv.number(e.target())),
            Column.of("targetVersion", Evaluation::targetVersion),
            Column.of("elapsedShare", e -> ValuesCsv.number(e.elapsedShare())),
            Column.of("expectedByNow", e -> ValuesCsv.number(e.expectedByNow())),
            Column.of("achievementPercent", e -> ValuesCsv.number(e.achievementPercent())),
            Column.of("status", Evaluation::status));

    private ScorecardExport() {
    }

    static List<Evaluation> rows(Scorecard scorecard) {
        List<Evaluation> rows = new ArrayList<>(scorecard.unit());
        scorecard.children().forEach(child -> rows.addAll(child.evaluations()));
        return rows;
    }
}
