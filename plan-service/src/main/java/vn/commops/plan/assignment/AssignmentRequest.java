package vn.commops.plan.assignment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.plan.campaign.CampaignRequest;
import vn.commops.plan.form.CommunicationFormRequest;

@Schema(name = "AssignmentRequest", description = "A task handed to an org unit; with parentAssignmentId, a share "
        + "of a higher unit's task (as in a split)")
public record AssignmentRequest(
        @Schema(description = "The plan the task serves; null only for stand-alone tasks") UUID planId,
        @Schema(description = "The campaign the task serves; its plan is the task's plan") UUID campaignId,
        @Schema(description = "The assignment this one is a share of") UUID parentAssignmentId,
        @NotBlank @Schema(examples = "LC") String orgUnitCode,
        @Size(max = 300) @Schema(examples = "Treo băng rôn, khẩu hiệu hưởng ứng Tháng vận động") String title,
        @Size(max = 10_000) @Schema(examples = "Treo băng rôn tại trụ sở UBND các xã và trên các tuyến đường chính "
                + "trong suốt Tháng vận động") String description,
        @Pattern(regexp = CommunicationFormRequest.CODE, message = "must be a communication form code")
        @Schema(description = "The form of communication expected, a code of GET /api/v1/communication-forms",
                examples = "BANNER") String form,
        @NotNull @Min(0) @Schema(examples = "40") Integer quantity,
        @PositiveOrZero @Max(CampaignRequest.MAX_VND) @Schema(description = "VND", examples = "20000000") Long budgetVnd,
        @Schema(description = "When work starts; the campaign's or plan's start when omitted", examples = "2024-05-01")
        LocalDate startDate,
        @Schema(description = "The parent's due date when omitted for a share", examples = "2024-05-31") LocalDate dueDate,
        @Size(max = 300) @Schema(examples = "Phòng Truyền thông và Phát triển người tham gia") String responsible,
        @Schema(description = "Outcome targets by metric: attendance, reach, plays, interactions, newSocialInsurance, "
                + "newHealthInsurance, appInstalls, nonCashConversions, booksAndCardsDonated",
                examples = "{\"newSocialInsurance\": 50, \"newHealthInsurance\": 300}")
        Map<String, @NotNull @PositiveOrZero Long> targets) {

    @Schema(name = "AssignmentSplit", description = "Shares of an assignment for units below its own")
    public record Split(
            @NotEmpty @Size(max = 500)
            @Schema(examples = "[{\"orgUnitCode\": \"LC-HOPHAI\", \"quantity\": 5, \"budgetVnd\": 2000000, \"title\": "
                    + "\"Treo băng rôn tại trụ sở UBND xã Hồ Phai\", \"targets\": {\"newSocialInsurance\": 5}}, "
                    + "{\"orgUnitCode\": \"LC-SAPA\", \"quantity\": 8, \"budgetVnd\": 3000000, \"targets\": "
                    + "{\"newSocialInsurance\": 10}}]")
            List<@Valid @NotNull Share> children) {
    }

    @Schema(name = "AssignmentShare")
    public record Share(
            @NotBlank @Schema(examples = "LC-HOPHAI") String orgUnitCode,
            @NotNull @Min(0) @Schema(examples = "5") Integer quantity,
            @PositiveOrZero @Max(CampaignRequest.MAX_VND) @Schema(description = "VND", examples = "2000000") Long budgetVnd,
            @Schema(description = "The parent's due date when omitted") LocalDate dueDate,
            @Size(max = 300) @Schema(examples = "Treo băng rôn tại trụ sở UBND xã Hồ Phai") String title,
            @Size(max = 300) @Schema(examples = "Công chức Văn hóa - Xã hội xã Hồ Phai") String responsible,
            @Schema(examples = "{\"newSocialInsurance\": 5, \"newHealthInsurance\": 30}")
            Map<String, @NotNull @PositiveOrZero Long> targets) {

        AssignmentRequest under(UUID parentId) {
            return new AssignmentRequest(null, null, parentId, orgUnitCode, title, null, null, quantity, budgetVnd,
                    null, dueDate, responsible, targets);
        }
    }
}
