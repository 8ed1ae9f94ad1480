package vn.commops.plan.campaign;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Campaign")
public record CampaignView(
        UUID id,
        UUID planId,
        @Schema(examples = "VN") String ownerUnitCode,
        @Schema(examples = "Bảo hiểm xã hội - An sinh cho mọi nhà") String theme,
        LocalDate startDate,
        LocalDate endDate,
        List<String> keyMessages,
        List<String> contentEmphases,
        List<String> targetGroups,
        List<FormView> forms,
        List<BudgetLineView> budgetLines,
        @Schema(description = "Sum of the budget lines, VND") long budgetTotalVnd,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Schema(description = "Changes on every update; sent back as the ETag") int version) {

    @Schema(name = "CampaignForm")
    public record FormView(CommunicationForm.Channel channel, CommunicationForm kind, String description,
            @Schema(description = "The window the form runs in (its own, else the campaign's)") LocalDate windowStart,
            LocalDate windowEnd) {
    }

    @Schema(name = "CampaignBudgetLine")
    public record BudgetLineView(String item, @Schema(description = "VND") long amountVnd) {
    }

    static CampaignView of(Campaign campaign, String ownerUnitCode) {
        return new CampaignView(campaign.id, campaign.planId, ownerUnitCode, campaign.theme, campaign.startDate,
                campaign.endDate, List.copyOf(campaign.keyMessages), List.copyOf(campaign.contentEmphases),
                List.copyOf(campaign.targetGroups),
                campaign.forms.stream().map(form -> new FormView(form.channel, form.kind, form.description,
                        form.start(campaign), form.end(campaign))).toList(),
                campaign.budgetLines.stream().map(line -> new BudgetLineView(line.item, line.amountVnd)).toList(),
                campaign.budgetLines.stream().mapToLong(line -> line.amountVnd).sum(),
                campaign.createdAt, campaign.updatedAt, campaign.version);
    }
}
