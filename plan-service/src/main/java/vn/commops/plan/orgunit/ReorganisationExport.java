package vn.commops.plan.orgunit;

import java.util.List;
import vn.commops.common.export.Column;

/**
 * The columns of a reorganisations export, named as in the JSON; the request as made is one cell of
 * JSON text, as it was sent. New columns only ever go at the end.
 */
final class ReorganisationExport {

    static final String FILE_NAME = "reorganisations";

    static final List<Column<ReorganisationRecord>> COLUMNS = List.of(
            Column.of("id", r -> r.id),
            Column.of("kind", r -> r.kind),
            Column.of("status", r -> r.status),
            Column.of("effectiveDate", r -> r.effectiveDate),
            Column.joined("unitCodes", ReorganisationRecord::unitCodeList),
            Column.of("request", r -> r.request),
            Column.of("reason", r -> r.reason),
            Column.of("requestedBy", r -> r.requestedBy),
            Column.of("requestedAt", r -> r.requestedAt),
            Column.of("settledBy", r -> r.settledBy),
            Column.of("settledAt", r -> r.settledAt),
            Column.of("settleNote", r -> r.settleNote));

    private ReorganisationExport() {
    }
}
