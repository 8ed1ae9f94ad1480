package vn.commops.plan.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.common.problem.ProblemException;
import vn.commops.plan.orgunit.OrgUnit;
import vn.commops.plan.plan.PlanStatus;
import vn.commops.plan.form.ChannelFamily;

/**
 * What runs where: for a unit, the forms of the approved or active campaigns that concern it — those
 * of the unit itself, of the units above it (a national campaign runs in every commune) and of the
 * units below it — whose windows touch the days asked. A campaign that implements a higher one (Lao
 * Cai's 7 peak days, the national May month) names it.
 */
@ApplicationScoped
public class CampaignCalendar {

    @Schema(name = "CampaignCalendarEntry", description = "One form of one campaign, and when it runs")
    public record Entry(UUID campaignId, UUID planId, @Schema(examples = "VN") String ownerUnitCode,
            @Schema(examples = "Bảo hiểm xã hội - An sinh cho mọi nhà") String theme,
            ChannelFamily channel, @Schema(description = "Code of a form of communication in the catalogue",
                    examples = "BANNER") String kind,
            @Schema(examples = "Băng rôn, khẩu hiệu trên các tuyến phố chính và tại trụ sở BHXH các cấp")
            String description,
            @Schema(examples = "2024-05-06") LocalDate windowStart, @Schema(examples = "2024-05-21") LocalDate windowEnd,
            @Schema(description = "The higher campaign this campaign implements") UUID implementsCampaignId,
            @Schema(description = "Its theme", examples = "Bảo hiểm xã hội - An sinh cho mọi nhà") String implementsTheme) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Entry> entries(String unitCode, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.badRequest("invalid-range", "to", "must not be before from");
        }
        OrgUnit unit = OrgUnit.findByCode(unitCode).orElseThrow(() ->
                ProblemException.invalidField("unknown-org-unit", "orgUnit", "no org unit '" + unitCode + "'"));
        List<String> ancestors = Arrays.stream(unit.path.split("/")).filter(code -> !code.isEmpty()).toList();
        List<Object[]> rows = Campaign.getEntityManager().createQuery(
                        "select c, p.ownerUnitCode from Campaign c, Plan p where p.id = c.planId"
                                + " and p.status in :running and c.startDate <= :to and c.endDate >= :from"
                                + " and (p.ownerUnitCode in :ancestors or p.ownerUnitCode in"
                                + " (select u.code from OrgUnit u where u.path like :subtree))", Object[].class)
                .setParameter("running", List.of(PlanStatus.APPROVED, PlanStatus.ACTIVE))
                .setParameter("from", from).setParameter("to", to)
                .setParameter("ancestors", ancestors).setParameter("subtree", unit.path + "%")
                .getResultList();
        List<Entry> entries = new ArrayList<>();
        Map<UUID, String> themes = new HashMap<>();
        for (Object[] row : rows) {
            Campaign campaign = (Campaign) row[0];
            String implementsTheme = campaign.implementsCampaignId == null ? null
                    : themes.computeIfAbsent(campaign.implementsCampaignId,
                            id -> Campaign.<Campaign>findByIdOptional(id).map(higher -> higher.theme).orElse(null));
            for (Campaign.Form form : campaign.forms) {
                LocalDate start = form.start(campaign);
                LocalDate end = form.end(campaign);
                if (!start.isAfter(to) && !end.isBefore(from)) {
                    entries.add(new Entry(campaign.id, campaign.planId, (String) row[1], campaign.theme, form.channel,
                            form.kind, form.description, start, end, campaign.implementsCampaignId, implementsTheme));
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::windowStart).thenComparing(Entry::ownerUnitCode)
                .thenComparing(Entry::kind));
        return entries;
    }
}
