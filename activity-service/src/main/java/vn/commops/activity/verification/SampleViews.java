package vn.commops.activity.verification;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.activity.activity.VerificationStatus;

/** What a client sends to draw a review sample, and how a sample reads back. */
public final class SampleViews {

    private SampleViews() {
    }

    @Schema(name = "ReviewSampleRequest", description = "The batch to sample (a partner's activities recorded in a "
            + "window, under an org unit) and how much of it")
    public record SampleRequest(
            @NotBlank @Size(max = 100) @Schema(examples = "post-office-lc") String partnerId,
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]*", message = "must be an org unit code")
            @Schema(description = "The batch's records lie in this unit's subtree", examples = "LC") String orgUnitCode,
            @NotNull @Schema(description = "Recorded at or after", examples = "2024-05-13T00:00:00+07:00")
            OffsetDateTime recordedFrom,
            @NotNull @Schema(description = "Recorded before", examples = "2024-05-20T00:00:00+07:00")
            OffsetDateTime recordedTo,
            @NotNull @DecimalMin(value = "0.01") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
            @Schema(description = "Share of the batch to draw, in percent; at least one record is drawn",
                    examples = "5") BigDecimal percent,
            @Schema(description = "Seed of the draw: the same seed and batch draw the same sample; one is chosen and "
                    + "shown when none is given", examples = "20240520") Long seed) {
    }

    @Schema(name = "ReviewSampleMember", description = "A sampled activity and where its verification stands")
    public record Member(
            @Schema(examples = "5b0e3a52-8c1d-4f6e-9a7b-2d4c6e8f0a13") UUID activityId,
            @Schema(description = "Its place in the draw, from 1", examples = "1") int position,
            @Schema(examples = "VNPOST-LC-2024-000187") String externalId,
            @Schema(examples = "LC-HOPHAI") String orgUnitCode,
            VerificationStatus verificationStatus,
            @Schema(examples = "false") boolean withdrawn,
            @Schema(description = "Who decided it, once decided", examples = "lc-manager") String decidedBy,
            @Schema(description = "The decision's reason", examples = "Không có ảnh tại địa điểm") String reason) {
    }

    @Schema(name = "ReviewSampleSummary", description = "A sampled review as its list shows it, without members")
    public record SampleSummary(
            @Schema(examples = "0190f3c2-5d1e-7a4b-9c3d-2e1f0a9b8c7d") UUID id,
            @Schema(examples = "post-office-lc") String partnerId,
            @Schema(examples = "LC") String orgUnitCode,
            @Schema(examples = "2024-05-13T00:00:00+07:00") OffsetDateTime recordedFrom,
            @Schema(examples = "2024-05-20T00:00:00+07:00") OffsetDateTime recordedTo,
            @Schema(examples = "5") BigDecimal percent,
            @Schema(description = "Records in the batch when drawn", examples = "1000") int batchSize,
            @Schema(examples = "50") int sampleSize,
            ReviewSample.Status status,
            @Schema(examples = "lc-manager") String drawnBy,
            @Schema(examples = "2024-05-21T09:00:00+07:00") OffsetDateTime drawnAt,
            @Schema(description = "Members rejected (or withdrawn), once decided", examples = "0") Integer rejected,
            @Schema(description = "Records of the rest of the batch the outcome gave a new revision", examples = "950")
            Integer extended,
            @Schema(examples = "2024-05-22T15:30:00+07:00") OffsetDateTime decidedAt) {

        static SampleSummary of(ReviewSample s) {
            return new SampleSummary(s.id, s.partnerId, s.orgUnitCode, s.recordedFrom, s.recordedTo, s.percent,
                    s.batchSize, s.sampleSize, s.status, s.drawnBy, s.drawnAt, s.rejected, s.extended, s.decidedAt);
        }
    }

    @Schema(name = "ReviewSamplePage", description = "One page of review samples, latest first")
    public record SamplePage(List<SampleSummary> items, @Schema(examples = "0") int page,
            @Schema(examples = "50") int size, @Schema(examples = "3") long totalItems) {
    }

    @Schema(name = "ReviewSample", description = "A sampled review of a partner's batch, its members and outcome")
    public record SampleView(
            UUID id,
            @Schema(examples = "post-office-lc") String partnerId,
            @Schema(examples = "LC") String orgUnitCode,
            OffsetDateTime recordedFrom,
            OffsetDateTime recordedTo,
            @Schema(examples = "5") BigDecimal percent,
            @Schema(examples = "20240520") long seed,
            @Schema(description = "Records in the batch when drawn", examples = "1000") int batchSize,
            @Schema(examples = "50") int sampleSize,
            @Schema(description = "Share of the sample that may be rejected for it to be accepted", examples = "0")
            BigDecimal maxRejectedPercent,
            ReviewSample.Status status,
            @Schema(examples = "lc-manager") String drawnBy,
            OffsetDateTime drawnAt,
            @Schema(description = "Members rejected (or withdrawn), once decided", examples = "0") Integer rejected,
            @Schema(description = "Records of the rest of the batch the outcome gave a new revision", examples = "950")
            Integer extended,
            @Schema(examples = "sample 0190f3c2-… accepted: 0 of 50 rejected") String outcomeReason,
            @Schema(examples = "hn-manager") String decidedBy,
            OffsetDateTime decidedAt,
            @Schema(description = "Members decided so far", examples = "12") int decided,
            List<Member> members) {

        static SampleView of(ReviewSample s, List<Member> members) {
            int decided = (int) members.stream().filter(m -> m.withdrawn()
                    || m.verificationStatus() == VerificationStatus.VERIFIED
                    || m.verificationStatus() == VerificationStatus.REJECTED).count();
            return new SampleView(s.id, s.partnerId, s.orgUnitCode, s.recordedFrom, s.recordedTo, s.percent, s.seed,
                    s.batchSize, s.sampleSize, s.maxRejectedPercent, s.status, s.drawnBy, s.drawnAt, s.rejected,
                    s.extended, s.outcomeReason, s.decidedBy, s.decidedAt, decided, members);
        }
    }
}
