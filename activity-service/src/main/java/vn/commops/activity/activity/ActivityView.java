package vn.commops.activity.activity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Activity", description = "An activity's current revision")
public record ActivityView(
        UUID id,
        String orgUnitCode,
        ActivityForm form,
        ActivityForm.Channel channel,
        String title,
        String place,
        Double latitude,
        Double longitude,
        OffsetDateTime startedAt,
        OffsetDateTime endedAt,
        UUID campaignId,
        UUID assignmentId,
        Integer attendance,
        Long reach,
        Long plays,
        Long interactions,
        Integer quantity,
        String quantityUnit,
        Integer durationMinutes,
        String link,
        Integer newSocialInsurance,
        Integer newHealthInsurance,
        Integer appInstalls,
        Integer nonCashConversions,
        Integer booksAndCardsDonated,
        Long costVnd,
        List<UUID> communicatorIds,
        List<Evidence> evidence,
        @Schema(description = "The partner that reported it", examples = "post-office-lc") String partnerId,
        String externalId,
        UUID clientId,
        @Schema(description = "1 for the first report, +1 per correction, verification or withdrawal") int revision,
        VerificationStatus verificationStatus,
        boolean withdrawn,
        @Schema(description = "What made this revision") Activity.Change lastChange,
        @Schema(description = "Why: rejection, information needed, withdrawal") String changeReason,
        String changedBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Schema(description = "Optimistic-concurrency version, also the ETag") int version) {

    public static ActivityView of(Activity a) {
        return new ActivityView(a.id, a.orgUnitCode, a.form, a.form.channel(), a.title, a.place, a.latitude, a.longitude,
                a.startedAt, a.endedAt, a.campaignId, a.assignmentId, a.attendance, a.reach, a.plays, a.interactions,
                a.quantity, a.quantityUnit, a.durationMinutes, a.link, a.newSocialInsurance, a.newHealthInsurance,
                a.appInstalls, a.nonCashConversions, a.booksAndCardsDonated, a.costVnd, a.communicatorIds, a.evidence,
                a.partnerId, a.externalId, a.clientId, a.revision, a.verificationStatus, a.withdrawn, a.lastChange,
                a.changeReason, a.changedBy, a.createdAt, a.updatedAt, a.version);
    }
}
