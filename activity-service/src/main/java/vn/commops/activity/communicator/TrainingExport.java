package vn.commops.activity.communicator;

import java.util.List;
import vn.commops.common.export.Column;

/**
 * The columns of a trainings export, named as in the JSON, one row per training. Participants'
 * attendance and certificates stay in the training's JSON: a row carries who attended, as ids.
 * New columns only ever go at the end.
 */
final class TrainingExport {

    static final String FILE_NAME = "trainings";

    static final List<Column<Training>> COLUMNS = List.of(
            Column.of("id", t -> t.id),
            Column.of("clientId", t -> t.clientId),
            Column.of("topic", t -> t.topic),
            Column.of("kind", t -> t.kind),
            Column.of("lecturerId", t -> t.lecturerId),
            Column.of("lecturerName", t -> t.lecturerName),
            Column.of("orgUnitCode", t -> t.orgUnitCode),
            Column.of("heldOn", t -> t.heldOn),
            Column.of("hours", t -> CommunicatorViews.plain(t.hours)),
            Column.joined("attendeeIds", Training::attendeeIds),
            Column.of("createdAt", t -> t.createdAt));

    private TrainingExport() {
    }
}
