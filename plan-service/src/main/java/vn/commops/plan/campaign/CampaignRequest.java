package vn.commops.plan.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CampaignRequest", description = "A campaign of a plan, inside the plan's period")
public record CampaignRequest(
        @NotNull UUID planId,
        @NotBlank @Size(max = 500) @Schema(examples = "Bảo hiểm xã hội - An sinh cho mọi nhà") String theme,
        @NotNull @Schema(examples = "2024-05-01") LocalDate startDate,
        @NotNull @Schema(examples = "2024-05-31") LocalDate endDate,
        @Size(max = 100) @Schema(description = "In the order they are to be used")
        List<@NotBlank @Size(max = 2000) String> keyMessages,
        @Size(max = 100) List<@NotBlank @Size(max = 4000) String> contentEmphases,
        @Size(max = 50) @Schema(description = "Codes from GET /api/v1/campaigns/target-groups",
                examples = "[\"FREELANCE_WORKERS\", \"HOUSEHOLDS\"]")
        List<@NotBlank String> targetGroups,
        @Size(max = 200) List<@Valid @NotNull FormRequest> forms,
        @Size(max = 200) List<@Valid @NotNull BudgetLineRequest> budgetLines) {

    @AssertTrue(message = "must not be before startDate")
    @Schema(hidden = true)
    public boolean isEndDate() {
        return startDate == null || endDate == null || !endDate.isBefore(startDate);
    }

    @Schema(name = "CampaignFormRequest", description = "A form of communication and its display window")
    public record FormRequest(
            @Schema(description = "The form's channel family; derived from the kind when omitted", examples = "VISUAL")
            CommunicationForm.Channel channel,
            @NotNull @Schema(description = "The activity form, as activity-service names it", examples = "BANNER")
            CommunicationForm kind,
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
            @Min(0) @Schema(description = "Amount in VND", examples = "15000000") long amountVnd) {
    }
}
