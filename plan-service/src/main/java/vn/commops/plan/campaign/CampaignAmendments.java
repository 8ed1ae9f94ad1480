package vn.commops.plan.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import vn.commops.common.problem.ProblemException;
import vn.commops.plan.amendment.AmendableSubject;
import vn.commops.plan.amendment.Amendment;
import vn.commops.plan.amendment.PlanAudit;
import vn.commops.plan.amendment.Subject;
import vn.commops.plan.assignment.BudgetLimits;
import vn.commops.plan.orgunit.OrgUnit;
import vn.commops.plan.plan.Plan;

/**
 * A decided plan's campaigns: their budget lines are amounts the approval fixed, so a change to them is
 * held for the plan's decider (a new campaign's lines too); any other change applies at once and is
 * recorded in the plan's audit.
 */
@ApplicationScoped
public class CampaignAmendments implements AmendableSubject {

    static final String BUDGET_LINES = "budgetLines";

    private final PlanAudit audit;
    private final CampaignEvents events;
    private final BudgetLimits budgets;

    CampaignAmendments(PlanAudit audit, CampaignEvents events, BudgetLimits budgets) {
        this.audit = audit;
        this.events = events;
        this.budgets = budgets;
    }

    @Override
    public Subject subject() {
        return Subject.CAMPAIGN;
    }

    /** The campaign's content as the audit keeps it. */
    static Map<String, Object> content(Campaign campaign) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("theme", campaign.theme);
        content.put("startDate", campaign.startDate.toString());
        content.put("endDate", campaign.endDate.toString());
        content.put("implementsCampaignId", Objects.toString(campaign.implementsCampaignId, null));
        content.put("keyMessages", List.copyOf(campaign.keyMessages));
        content.put("contentEmphases", List.copyOf(campaign.contentEmphases));
        content.put("targetGroups", campaign.targetGroups.stream().sorted().toList());
        List<Map<String, Object>> forms = new ArrayList<>();
        for (Campaign.Form form : campaign.forms) {
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("kind", form.kind);
            shown.put("description", form.description);
            shown.put("windowStart", Objects.toString(form.windowStart, null));
            shown.put("windowEnd", Objects.toString(form.windowEnd, null));
            forms.add(shown);
        }
        content.put("forms", forms);
        content.put(BUDGET_LINES, lines(campaign.budgetLines));
        return content;
    }

    private static List<Map<String, Object>> lines(List<Campaign.BudgetLine> lines) {
        List<Map<String, Object>> shown = new ArrayList<>();
        for (Campaign.BudgetLine line : lines) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("item", line.item);
            item.put("amountVnd", line.amountVnd);
            shown.add(item);
        }
        return shown;
    }

    static List<Campaign.BudgetLine> copy(List<Campaign.BudgetLine> lines) {
        List<Campaign.BudgetLine> copies = new ArrayList<>();
        for (Campaign.BudgetLine line : lines) {
            Campaign.BudgetLine copy = new Campaign.BudgetLine();
            copy.item = line.item;
            copy.amountVnd = line.amountVnd;
            copies.add(copy);
        }
        return copies;
    }

    /**
     * After a change of a decided plan's campaign: budget lines that changed go back to the approved ones and
     * are held as an amendment; the rest stays applied and is recorded. The amendment's id, or null.
     */
    UUID afterChange(Plan plan, Campaign campaign, Map<String, Object> before, List<Campaign.BudgetLine> approved,
            String actor) {
        List<Map<String, Object>> proposed = lines(campaign.budgetLines);
        UUID amendment = null;
        if (!audit.same(before.get(BUDGET_LINES), proposed)) {
            campaign.budgetLines.clear();
            campaign.budgetLines.addAll(approved);
            amendment = audit.propose(plan, Subject.CAMPAIGN, campaign.id, Map.of(BUDGET_LINES, before.get(BUDGET_LINES)),
                    Map.of(BUDGET_LINES, proposed), actor);
        }
        audit.changed(plan, Subject.CAMPAIGN, campaign.id, before, content(campaign), actor);
        return amendment;
    }

    /** A campaign added to a decided plan starts without budget; its lines wait for the decider. */
    UUID afterCreate(Plan plan, Campaign campaign, String actor) {
        List<Map<String, Object>> proposed = lines(campaign.budgetLines);
        campaign.budgetLines.clear();
        audit.created(plan, Subject.CAMPAIGN, campaign.id, content(campaign), actor);
        return proposed.isEmpty() ? null : audit.propose(plan, Subject.CAMPAIGN, campaign.id,
                Map.of(BUDGET_LINES, List.of()), Map.of(BUDGET_LINES, proposed), actor);
    }

    @Override
    public Map<UUID, Map<String, Object>> contentOf(UUID planId) {
        Map<UUID, Map<String, Object>> contents = new LinkedHashMap<>();
        for (Campaign campaign : Campaign.<Campaign>list("planId = ?1 order by startDate, createdAt", planId)) {
            contents.put(campaign.id, content(campaign));
        }
        return contents;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Applied apply(Amendment amendment, Map<String, Object> heldBefore, Map<String, Object> heldAfter,
            String actor) {
        Campaign campaign = Campaign.<Campaign>findByIdOptional(amendment.subjectId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.conflict("amendment-stale", "its campaign no longer exists"));
        Map<String, Object> before = content(campaign);
        if (!audit.same(before.get(BUDGET_LINES), heldBefore.get(BUDGET_LINES))) {
            throw ProblemException.conflict("amendment-stale", "the campaign's budget lines changed since the "
                    + "amendment was proposed; return it and propose the change again");
        }
        List<Map<String, Object>> lines = (List<Map<String, Object>>) heldAfter.get(BUDGET_LINES);
        long newTotal = lines.stream().mapToLong(line -> ((Number) line.get("amountVnd")).longValue()).sum();
        if (newTotal < BudgetLimits.total(campaign)) {
            // The campaign's assignments may have grown since the lines were proposed.
            budgets.requireCampaignHolds(campaign, newTotal);
        }
        campaign.budgetLines.clear();
        for (Map<String, Object> line : lines) {
            Campaign.BudgetLine budgetLine = new Campaign.BudgetLine();
            budgetLine.item = (String) line.get("item");
            budgetLine.amountVnd = ((Number) line.get("amountVnd")).longValue();
            campaign.budgetLines.add(budgetLine);
        }
        campaign.updatedAt = java.time.OffsetDateTime.now();
        Campaign.flush();
        Plan plan = Plan.findById(campaign.planId);
        OrgUnit owner = CampaignService.owner(plan);
        events.updated(campaign, owner.code, owner.path);
        return new Applied(before, content(campaign));
    }
}
