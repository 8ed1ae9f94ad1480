package vn.commops.crisis.feedback;

import java.util.List;
import vn.commops.common.export.Column;

/**
 * The columns of a feedback export, named as in the JSON; the person's contact is never among them
 * (it lives in its own table, read only through the audited contact endpoint). New columns only
 * ever go at the end.
 */
final class FeedbackExport {

    static final String FILE_NAME = "feedback";

    static final List<Column<Feedback>> COLUMNS = List.of(
            Column.of("id", f -> f.id),
            Column.of("channel", f -> f.channel),
            Column.of("text", f -> f.text),
            Column.of("language", f -> f.language),
            Column.of("orgUnitCode", f -> f.orgUnitCode),
            Column.of("sourceId", f -> f.sourceId),
            Column.of("sourceLink", f -> f.sourceLink),
            Column.of("authorHandle", f -> f.authorHandle),
            Column.of("reach", f -> f.reach),
            Column.of("engagement", f -> f.engagement),
            Column.of("inReplyTo", f -> f.inReplyTo),
            Column.of("receivedAt", f -> f.receivedAt),
            Column.of("topicCode", f -> f.classification == null ? null : f.classification.topicCode),
            Column.of("sentiment", f -> f.classification == null ? null : f.classification.sentiment),
            Column.of("falseInformation", f -> f.classification == null ? null : f.classification.falseInformation),
            Column.of("clusterId", f -> f.clusterId));

    private FeedbackExport() {
    }
}
