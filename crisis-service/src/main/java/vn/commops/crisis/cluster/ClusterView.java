package vn.commops.crisis.cluster;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FeedbackCluster", description = "Near-duplicate feedback counted once: a spreading message")
public record ClusterView(
        UUID id,
        @Schema(description = "The first item's text", examples = "Nghe nói từ tháng sau bỏ rút BHXH một lần")
        String sampleText,
        @Schema(description = "The first item's topic", examples = "FALSE_INFORMATION") String topicCode,
        @Schema(examples = "42") int itemCount,
        OffsetDateTime firstSeen,
        OffsetDateTime lastSeen) {

    static ClusterView of(FeedbackCluster cluster) {
        return new ClusterView(cluster.id, cluster.sampleText, cluster.topicCode, cluster.itemCount, cluster.firstSeen,
                cluster.lastSeen);
    }
}
