package vn.commops.activity.communicator;

import java.util.List;
import vn.commops.common.export.Column;

/**
 * The columns of a communicators export, named as in the JSON. Contacts are never among them: they
 * are kept apart and shown one at a time to managers of the communicator's unit.
 */
final class CommunicatorExport {

    static final String FILE_NAME = "communicators";

    static final List<Column<Communicator>> COLUMNS = List.of(
            Column.of("id", c -> c.id),
            Column.of("fullName", c -> c.fullName),
            Column.of("kind", c -> c.kind),
            Column.of("orgUnitCode", c -> c.orgUnitCode),
            Column.of("role", c -> c.role),
            Column.of("createdAt", c -> c.createdAt),
            Column.of("version", c -> c.version),
            Column.of("active", Communicator::isActive),
            Column.of("deactivatedAt", c -> c.deactivatedAt),
            Column.of("deactivationReason", c -> c.deactivationReason));

    private CommunicatorExport() {
    }
}
