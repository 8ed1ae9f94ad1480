package vn.commops.crisis.crisiscase;

import java.util.List;
import vn.commops.common.export.Column;

/** The columns of a crisis-cases export, named as in the JSON; new columns only ever go at the end. */
final class CaseExport {

    static final String FILE_NAME = "crisis-cases";

    static final List<Column<CrisisCase>> COLUMNS = List.of(
            Column.of("id", c -> c.id),
            Column.of("title", c -> c.title),
            Column.of("severity", c -> c.severity),
            Column.of("status", c -> c.status),
            Column.of("owner", c -> c.owner),
            Column.of("topicCode", c -> c.topicCode),
            Column.of("orgUnitCode", c -> c.orgUnitCode),
            Column.of("signalId", c -> c.signalId),
            Column.of("detectedAt", c -> c.detectedAt),
            Column.of("createdAt", c -> c.createdAt),
            Column.of("acknowledgedAt", c -> c.acknowledgedAt),
            Column.of("firstResponseAt", c -> c.firstResponseAt),
            Column.of("resolvedAt", c -> c.resolvedAt),
            Column.of("closedAt", c -> c.closedAt),
            Column.of("createdBy", c -> c.createdBy),
            Column.of("version", c -> c.version));

    private CaseExport() {
    }
}
