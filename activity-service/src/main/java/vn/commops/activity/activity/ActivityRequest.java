package vn.commops.activity.activity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.activity.breakdown.Breakdowns;

/**
 * An activity as an office, a mobile client or a partner reports it: one JSON object, one NDJSON line
 * or one CSV row (same field names as columns). Numbers not reported are left out, not sent as 0.
 */
@Schema(name = "ActivityRequest", description = "An activity carried out in the field")
public record ActivityRequest(
        @NotBlank @Size(max = 64) @Schema(description = "Org unit that ran it", examples = "LC-HOPHAI") String orgUnitCode,
        // An open list: the national centre adds forms in plan-service without a release, so the codes of the
        // day are examples, not an enum by which a generated client would refuse the codes added later.
        @NotBlank @Pattern(regexp = FORM_CODE, message = "must be an activity form code")
        @Schema(description = "A form of communication: a code of plan-service's GET /api/v1/communication-forms, "
                + "which says what the form must report. The seeded codes are listed as examples; the list grows.",
                examples = {"BANNER", "SLOGAN", "LAUNCH_CEREMONY", "CONFERENCE", "DIALOGUE", "SMALL_GROUP", "ADVISORY_BOOTH",
                        "ONE_STOP_DESK", "HOTLINE", "ART_PERFORMANCE", "MOBILE_CAMPAIGN", "NEWS_ARTICLE", "RADIO_BROADCAST", "LOUDSPEAKER_BROADCAST",
                        "INFOGRAPHIC", "MOTION_GRAPHIC", "PORTAL_POST", "SOCIAL_POST", "LIVESTREAM", "ONLINE_CONTEST", "LEAFLET",
                        "BROCHURE", "PROMOTIONAL_ITEM", "BOOK_AND_CARD_DONATION", "TELEVISION_BROADCAST", "SEMINAR", "TALK_SHOW"}) String form,
        @NotBlank @Size(max = 300)
        @Schema(examples = "Tuyên truyền nhóm nhỏ tại thôn Hồ Phai") String title,
        @Size(max = 300) @Schema(examples = "Nhà văn hoá thôn Hồ Phai") String place,
        @DecimalMin("-90") @DecimalMax("90") @Schema(examples = "22.2385") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") @Schema(examples = "104.1421") Double longitude,
        @NotNull @Schema(examples = "2024-05-13T08:00:00+07:00") OffsetDateTime startedAt,
        @Schema(examples = "2024-05-13T10:30:00+07:00") OffsetDateTime endedAt,
        @Schema(description = "Campaign the activity serves") UUID campaignId,
        @Schema(description = "Assignment the activity reports against") UUID assignmentId,
        @PositiveOrZero @Schema(description = "People present", examples = "35") Integer attendance,
        @PositiveOrZero @Schema(description = "People reached beyond those present", examples = "0") Long reach,
        @PositiveOrZero @Schema(description = "Plays of a video or livestream", examples = "18600") Long plays,
        @PositiveOrZero @Schema(description = "Likes, comments, shares, questions", examples = "2000") Long interactions,
        @PositiveOrZero @Schema(description = "Items delivered: banners hung, leaflets handed out, broadcasts aired",
                examples = "12") Integer quantity,
        @Size(max = 60) @Schema(description = "What the quantity counts", examples = "banners") String quantityUnit,
        @PositiveOrZero @Schema(description = "Length of a broadcast or session in minutes", examples = "15")
        Integer durationMinutes,
        @Size(max = 2000) @Schema(description = "Where an article or post can be read",
                examples = "https://baolaocai.vn/bhxh-tu-nguyen") String link,
        @PositiveOrZero @Schema(description = "New voluntary social-insurance participants", examples = "4")
        Integer newSocialInsurance,
        @PositiveOrZero @Schema(description = "New health-insurance participants", examples = "11") Integer newHealthInsurance,
        @Schema(description = "Attendance and new participants split by sex, age band and target group: by sex and "
                + "by age band adding up to the measure's total, by target group to no more than it (codes of the "
                + "activity's campaign, or of the whole vocabulary without a campaign); each split optional")
        Breakdowns breakdowns,
        @PositiveOrZero @Schema(description = "People guided to install VssID", examples = "9") Integer appInstalls,
        @PositiveOrZero @Schema(description = "Pensioners moved to non-cash payment", examples = "2") Integer nonCashConversions,
        @PositiveOrZero @Schema(description = "Social-insurance books and health-insurance cards given", examples = "0")
        Integer booksAndCardsDonated,
        @PositiveOrZero @Schema(description = "Cost in VND", examples = "1500000") Long costVnd,
        @Size(max = 200) @Schema(description = "Communicators present (ids)",
                examples = "[\"c4a1f0d2-3b5e-4c7a-8d9f-0e1a2b3c4d5e\", \"d7e2a9b4-6c1f-4e8d-b3a5-9f0c1d2e3f40\"]")
        List<@NotNull UUID> communicatorIds,
        @Size(max = 50) @Schema(description = "Photos, videos, pages",
                examples = "[{\"url\": \"https://bhxh.laocai.gov.vn/anh/BY1-5.jpg\", "
                        + "\"sha256\": \"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\", "
                        + "\"capturedAt\": \"2024-05-15T19:40:00+07:00\", "
                        + "\"latitude\": 22.2385, \"longitude\": 104.1421}]")
        List<@Valid @NotNull Evidence> evidence,
        @Size(max = 200) @Schema(description = "The reporter's own record id; replays with the same id are idempotent",
                examples = "VNPOST-LC-2024-000187") String externalId,
        @Schema(description = "Id generated by an offline mobile client; retries with the same id are idempotent")
        UUID clientId,
        @Schema(description = "In a batch: this record replaces the earlier one with the same externalId",
                examples = "false")
        Boolean correction,
        @Schema(description = "Only REPORTED (or nothing): four eyes, a decision is another manager's, through "
                + "POST /api/v1/activities/{id}/verification")
        VerificationStatus verificationStatus) {

    /** The form catalogue's codes, as plan-service allows them. */
    public static final String FORM_CODE = "^[A-Z][A-Z0-9_]{1,39}$";

    @AssertTrue(message = "must not be before startedAt")
    @Schema(hidden = true)
    public boolean isEndedAt() {
        return startedAt == null || endedAt == null || !endedAt.isBefore(startedAt);
    }

    @JsonIgnore
    @Schema(hidden = true)
    public boolean isCorrection() {
        return Boolean.TRUE.equals(correction);
    }
}
