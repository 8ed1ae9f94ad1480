package vn.commops.activity.activity;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ActivityRevision", description = "One revision of an activity: what made it, who, when, why")
public record RevisionView(
        @Schema(examples = "2") int revision,
        @Schema(examples = "CORRECTED") Activity.Change change,
        OffsetDateTime changedAt,
        @Schema(examples = "lc-manager") String changedBy,
        @Schema(description = "The reason given for a rejection, a request for information or a withdrawal",
                examples = "Thiếu ảnh danh sách người tham dự") String reason,
        @Schema(description = "The activity as it was in this revision") ActivityView activity) {

    static RevisionView of(Activity activity) {
        return new RevisionView(activity.revision, activity.lastChange,
                activity.updatedAt != null ? activity.updatedAt : activity.createdAt, activity.changedBy,
                activity.changeReason, ActivityView.of(activity));
    }
}
