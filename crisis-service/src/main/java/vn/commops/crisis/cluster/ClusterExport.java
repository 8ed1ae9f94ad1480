package vn.commops.crisis.cluster;

import java.util.List;
import vn.commops.common.export.Column;

/** The columns of a feedback-clusters export, named as in the JSON. New columns only ever go at the end. */
final class ClusterExport {

    static final String FILE_NAME = "feedback-clusters";

    static final List<Column<FeedbackCluster>> COLUMNS = List.of(
            Column.of("id", c -> c.id),
            Column.of("sampleText", c -> c.sampleText),
            Column.of("topicCode", c -> c.topicCode),
            Column.of("itemCount", c -> c.itemCount),
            Column.of("firstSeen", c -> c.firstSeen),
            Column.of("lastSeen", c -> c.lastSeen));

    private ClusterExport() {
    }
}
