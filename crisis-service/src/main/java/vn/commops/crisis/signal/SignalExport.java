package vn.commops.crisis.signal;

import java.util.List;
import vn.commops.common.export.Column;

/** The columns of a crisis-signals export, named as in the JSON. New columns only ever go at the end. */
final class SignalExport {

    static final String FILE_NAME = "signals";

    static final List<Column<CrisisSignal>> COLUMNS = List.of(
            Column.of("id", s -> s.id),
            Column.of("topicCode", s -> s.topicCode),
            Column.of("orgUnitCode", s -> s.orgUnitCode),
            Column.of("windowStart", s -> s.windowStart),
            Column.of("windowEnd", s -> s.windowEnd),
            Column.of("volume", s -> s.volume),
            Column.of("baseline", s -> s.baseline),
            Column.of("score", s -> s.score),
            Column.of("explanation", s -> s.explanation),
            Column.of("raisedAt", s -> s.raisedAt),
            Column.of("caseId", s -> s.caseId));

    private SignalExport() {
    }
}
