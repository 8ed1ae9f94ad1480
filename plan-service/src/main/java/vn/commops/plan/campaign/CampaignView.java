package vn.commops.plan.campaign;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.plan.form.ChannelFamily;

@Schema(name = "Campaign")
public record CampaignView(
        UUID id,
        UUID planId,
        @Schema(examples = "VN") String ownerUnitCode,
        @Schema(examples = "Bảo hiểm xã hội - An sinh cho mọi nhà") String theme,
        LocalDate startDate,
        LocalDate endDate,
        @Schema(description = "The higher campaign this one implements") UUID implementsCampaignId,
        @Schema(examples = "[\"BHXH tự nguyện - Chỗ dựa vững chắc khi về già\", \"Tham gia BHYT hộ gia đình - Chăm sóc "
                + "sức khỏe cho mọi người\"]")
        List<String> keyMessages,
        @Schema(examples = "[\"Quyền lợi khi tham gia BHXH tự nguyện: lương hưu hằng tháng, thẻ BHYT miễn phí khi nghỉ "
                + "hưu\", \"Mức Nhà nước hỗ trợ tiền đóng BHXH tự nguyện cho hộ nghèo, hộ cận nghèo\"]")
        List<String> contentEmphases,
        @Schema(examples = "[\"FREELANCE_WORKERS\", \"HOUSEHOLDS\"]") List<String> targetGroups,
        @Schema(examples = "[{\"channel\": \"VISUAL\", \"kind\": \"BANNER\", \"description\": \"Băng rôn, khẩu hiệu "
                + "trên các tuyến phố chính và tại trụ sở BHXH các cấp\", \"windowStart\": \"2024-05-06\", "
                + "\"windowEnd\": \"2024-05-21\"}, {\"channel\": \"DIRECT\", \"kind\": \"SMALL_GROUP\", "
                + "\"description\": \"Tuyên truyền nhóm nhỏ tại các thôn, bản\", \"windowStart\": \"2024-05-01\", "
                + "\"windowEnd\": \"2024-05-31\"}]")
        List<FormView> forms,
        @Schema(examples = "[{\"item\": \"In và treo băng rôn\", \"amountVnd\": 15000000}, {\"item\": \"Tổ chức hội "
                + "nghị đối thoại tại xã\", \"amountVnd\": 30000000}]")
        List<BudgetLineView> budgetLines,
        @Schema(description = "Sum of the budget lines, VND", examples = "45000000") long budgetTotalVnd,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Schema(description = "Changes on every update; sent back as the ETag", examples = "2") int version) {

    @Schema(name = "CampaignForm")
    public record FormView(ChannelFamily channel,
            @Schema(description = "Code of a form of communication in the catalogue", examples = "BANNER") String kind,
            @Schema(examples = "Băng rôn, khẩu hiệu trên các tuyến phố chính và tại trụ sở BHXH các cấp")
            String description,
            @Schema(description = "The window the form runs in (its own, else the campaign's)") LocalDate windowStart,
            LocalDate windowEnd) {
    }

    @Schema(name = "CampaignBudgetLine")
    public record BudgetLineView(@Schema(examples = "In và treo băng rôn") String item,
            @Schema(description = "VND", examples = "15000000") long amountVnd) {
    }

    static CampaignView of(Campaign campaign, String ownerUnitCode) {
        return new CampaignView(campaign.id, campaign.planId, ownerUnitCode, campaign.theme, campaign.startDate,
                campaign.endDate, campaign.implementsCampaignId, List.copyOf(campaign.keyMessages),
                List.copyOf(campaign.contentEmphases),
                List.copyOf(campaign.targetGroups),
                campaign.forms.stream().map(form -> new FormView(form.channel, form.kind, form.description,
                        form.start(campaign), form.end(campaign))).toList(),
                campaign.budgetLines.stream().map(line -> new BudgetLineView(line.item, line.amountVnd)).toList(),
                campaign.budgetLines.stream().mapToLong(line -> line.amountVnd).sum(),
                campaign.createdAt, campaign.updatedAt, campaign.version);
    }
}
