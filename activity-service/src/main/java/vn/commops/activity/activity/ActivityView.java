package vn.commops.activity.activity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.activity.breakdown.Breakdowns;
import vn.commops.activity.form.ChannelFamily;
import vn.commops.activity.form.FormCatalogue;

@Schema(name = "Activity", description = "An activity's current revision")
public record ActivityView(
        UUID id,
        @Schema(examples = "LC-HOPHAI") String orgUnitCode,
        @Schema(description = "Code of a form of communication in plan-service's catalogue", examples = "SMALL_GROUP")
        String form,
        ChannelFamily channel,
        @Schema(examples = "Tuyên truyền nhóm nhỏ tại thôn Hồ Phai") String title,
        @Schema(examples = "Nhà văn hoá thôn Hồ Phai") String place,
        @Schema(examples = "22.2385") Double latitude,
        @Schema(examples = "104.1421") Double longitude,
        OffsetDateTime startedAt,
        OffsetDateTime endedAt,
        UUID campaignId,
        UUID assignmentId,
        @Schema(examples = "35") Integer attendance,
        @Schema(examples = "0") Long reach,
        @Schema(examples = "18600") Long plays,
        @Schema(examples = "2000") Long interactions,
        @Schema(examples = "12") Integer quantity,
        @Schema(examples = "banners") String quantityUnit,
        @Schema(examples = "15") Integer durationMinutes,
        @Schema(examples = "https://baolaocai.vn/bhxh-tu-nguyen") String link,
        @Schema(examples = "4") Integer newSocialInsurance,
        @Schema(examples = "11") Integer newHealthInsurance,
        @Schema(examples = "9") Integer appInstalls,
        @Schema(examples = "2") Integer nonCashConversions,
        @Schema(examples = "0") Integer booksAndCardsDonated,
        @Schema(examples = "1500000") Long costVnd,
        @Schema(examples = "[\"c4a1f0d2-3b5e-4c7a-8d9f-0e1a2b3c4d5e\", \"d7e2a9b4-6c1f-4e8d-b3a5-9f0c1d2e3f40\"]")
        List<UUID> communicatorIds,
        @Schema(examples = "[{\"url\": \"https://bhxh.laocai.gov.vn/anh/BY1-5.jpg\", "
                + "\"sha256\": \"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\", "
                + "\"capturedAt\": \"2024-05-15T19:40:00+07:00\", \"latitude\": 22.2385, \"longitude\": 104.1421}]")
        List<Evidence> evidence,
        @Schema(description = "Who was reached, split by sex, age band and target group; absent when not split")
        Breakdowns breakdowns,
        @Schema(description = "The partner that reported it", examples = "post-office-lc") String partnerId,
        @Schema(examples = "VNPOST-LC-2024-000187") String externalId,
        UUID clientId,
        @Schema(description = "1 for the first report, +1 per correction, verification or withdrawal", examples = "2")
        int revision,
        VerificationStatus verificationStatus,
        @Schema(examples = "false") boolean withdrawn,
        @Schema(description = "What made this revision") Activity.Change lastChange,
        @Schema(description = "Why: rejection, information needed, withdrawal",
                examples = "Thiếu ảnh danh sách người tham dự") String changeReason,
        @Schema(examples = "lc-manager") String changedBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Schema(description = "Optimistic-concurrency version, also the ETag", examples = "3") int version) {

    public static ActivityView of(Activity a) {
        return new ActivityView(a.id, a.orgUnitCode, a.form, FormCatalogue.channelOf(a.form), a.title, a.place, a.latitude, a.longitude,
                a.startedAt, a.endedAt, a.campaignId, a.assignmentId, a.attendance, a.reach, a.plays, a.interactions,
                a.quantity, a.quantityUnit, a.durationMinutes, a.link, a.newSocialInsurance, a.newHealthInsurance,
                a.appInstalls, a.nonCashConversions, a.booksAndCardsDonated, a.costVnd, a.communicatorIds, a.evidence,
                a.breakdowns,                 a.partnerId, a.externalId, a.clientId, a.revision, a.verificationStatus, a.withdrawn, a.lastChange,
                a.changeReason, a.changedBy, a.createdAt, a.updatedAt, a.version);
    }
}
