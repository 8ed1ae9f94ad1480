package vn.commops.activity.verification;

import java.util.List;
import vn.commops.activity.verification.VerificationQueue.QueueItem;
import vn.commops.common.export.Column;

/**
 * The columns of a review-queue export: a reviewer's worklist, the activity's fields by their JSON path
 * ({@code activity.title}), then who reported it and what its evidence lacks. The full record, breakdowns
 * included, is the activities export's. New columns only ever go at the end.
 */
final class VerificationQueueExport {

    static final String FILE_NAME = "verification-queue";

    /** Items computed per page of an export: the JSON list's largest page. */
    static final int PAGE_SIZE = 500;

    static final List<Column<QueueItem>> COLUMNS = List.of(
            Column.of("activity.id", q -> q.activity().id()),
            Column.of("activity.orgUnitCode", q -> q.activity().orgUnitCode()),
            Column.of("activity.form", q -> q.activity().form()),
            Column.of("activity.title", q -> q.activity().title()),
            Column.of("activity.place", q -> q.activity().place()),
            Column.of("activity.startedAt", q -> q.activity().startedAt()),
            Column.of("activity.endedAt", q -> q.activity().endedAt()),
            Column.of("activity.campaignId", q -> q.activity().campaignId()),
            Column.of("activity.attendance", q -> q.activity().attendance()),
            Column.of("activity.partnerId", q -> q.activity().partnerId()),
            Column.of("activity.revision", q -> q.activity().revision()),
            Column.of("activity.verificationStatus", q -> q.activity().verificationStatus()),
            Column.of("activity.lastChange", q -> q.activity().lastChange()),
            Column.of("activity.changeReason", q -> q.activity().changeReason()),
            Column.of("activity.changedBy", q -> q.activity().changedBy()),
            Column.of("activity.createdAt", q -> q.activity().createdAt()),
            Column.of("activity.version", q -> q.activity().version()),
            Column.of("reportedBy", QueueItem::reportedBy),
            Column.of("meetsEvidenceRule", QueueItem::meetsEvidenceRule),
            Column.joined("evidenceMissing", QueueItem::evidenceMissing));

    private VerificationQueueExport() {
    }
}
