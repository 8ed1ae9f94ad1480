package vn.commops.plan.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.plan.form.ChannelFamily;
import vn.commops.plan.form.CommunicationFormRequest;

@Schema(name = "CampaignRequest", description = "A campaign of a plan, inside the plan's period")
public record CampaignRequest(
        @NotNull UUID planId,
        @NotBlank @Size(max = 500) @Schema(examples = "Bảo hiểm xã hội - An sinh cho mọi nhà") String theme,
        @NotNull @Schema(examples = "2024-05-01") LocalDate startDate,
        @NotNull @Schema(examples = "2024-05-31") LocalDate endDate,
        @Schema(description = "The campaign this one implements: one of an approved plan above this campaign's plan, "
                + "or of a unit above its owner, whose dates overlap this one's")
        UUID implementsCampaignId,
        @Size(max = 100) @Schema(description = "In the order they are to be used",
                examples = "[\"BHXH tự nguyện - Chỗ dựa vững chắc khi về già\", \"Tham gia BHYT hộ gia đình - Chăm sóc "
                        + "sức khỏe cho mọi người\"]")
        List<@NotBlank @Size(max = 2000) String> keyMessages,
        @Size(max = 100) @Schema(examples = "[\"Quyền lợi khi tham gia BHXH tự nguyện: lương hưu hằng tháng, thẻ BHYT "
                + "miễn phí khi nghỉ hưu\", \"Mức Nhà nước hỗ trợ tiền đóng BHXH tự nguyện cho hộ nghèo, hộ cận "
                + "nghèo\"]")
        List<@NotBlank @Size(max = 4000) String> contentEmphases,
        @Size(max = 50) @Schema(description = "Codes from GET /api/v1/campaigns/target-groups",
                examples = "[\"FREELANCE_WORKERS\", \"HOUSEHOLDS\"]")
        List<@NotBlank String> targetGroups,
        @Size(max = 200) @Schema(examples = "[{\"channel\": \"VISUAL\", \"kind\": \"BANNER\", \"description\": \"Băng "
                + "rôn, khẩu hiệu trên các tuyến phố chính và tại trụ sở BHXH các cấp\", \"windowStart\": "
                + "\"2024-05-06\", \"windowEnd\": \"2024-05-21\"}, {\"channel\": \"DIRECT\", \"kind\": "
                + "\"SMALL_GROUP\", \"description\": \"Tuyên truyền nhóm nhỏ tại các thôn, bản\", \"windowStart\": "
                + "\"2024-05-01\", \"windowEnd\": \"2024-05-31\"}]")
        List<@Valid @NotNull FormRequest> forms,
        @Size(max = 200) @Schema(examples = "[{\"item\": \"In và treo băng rôn\", \"amountVnd\": 15000000}, {\"item\": "
                + "\"Tổ chức hội nghị đối thoại tại xã\", \"amountVnd\": 30000000}]")
        List<@Valid @NotNull BudgetLineRequest> budgetLines) {

    /** numeric(18, 0): the largest amount the budget columns hold. */
    public static final long MAX_VND = 999_999_999_999_999_999L;

    @AssertTrue(message = "must not be before startDate")
    @Schema(hidden = true)
    public boolean isEndDate() {
        return startDate == null || endDate == null || !endDate.isBefore(startDate);
    }

    @Schema(name = "CampaignFormRequest", description = "A form of communication and its display window")
    public record FormRequest(
            @Schema(description = "The form's channel family; derived from the kind when omitted", examples = "VISUAL")
            ChannelFamily channel,
            @NotBlank @Pattern(regexp = CommunicationFormRequest.CODE, message = "must be a communication form code")
            @Schema(description = "The form of communication, a code of GET /api/v1/communication-forms; activities "
                    + "report in the same codes", examples = "BANNER")
            String kind,
            @Size(max = 4000) @Schema(examples = "Băng rôn, khẩu hiệu trên các tuyến phố chính và tại trụ sở BHXH các cấp")
            String description,
            @Schema(description = "First day shown; the campaign's start when omitted", examples = "2024-05-06")
            LocalDate windowStart,
            @Schema(description = "Last day shown; the campaign's end when omitted", examples = "2024-05-21")
            LocalDate windowEnd) {

        @AssertTrue(message = "must not be before windowStart")
        @Schema(hidden = true)
        public boolean isWindowEnd() {
            return windowStart == null || windowEnd == null || !windowEnd.isBefore(windowStart);
        }
    }

    @Schema(name = "CampaignBudgetLineRequest")
    public record BudgetLineRequest(
            @NotBlank @Size(max = 500) @Schema(examples = "In và treo băng rôn") String item,
            @Min(0) @Max(MAX_VND) @Schema(description = "Amount in VND", examples = "15000000") long amountVnd) {
    }
}
