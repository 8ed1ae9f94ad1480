package vn.commops.plan.campaign;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.common.api.IfMatch;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.api.Sorting;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;
import vn.commops.common.text.SearchText;
import vn.commops.plan.assignment.BudgetLimits;
import vn.commops.plan.form.CommunicationForm;
import vn.commops.plan.form.FormCatalogue;
import vn.commops.plan.orgunit.OrgUnit;
import vn.commops.plan.orgunit.OrgUnitsTakenOver;
import vn.commops.plan.plan.Plan;
import vn.commops.plan.plan.PlanService;
import vn.commops.plan.plan.PlanStatus;

@ApplicationScoped
public class CampaignService {

    private static final Map<String, String> SORTABLE = Map.of("startDate", "startDate", "endDate", "endDate",
            "theme", "searchTheme", "createdAt", "createdAt");

    private final CampaignEvents events;
    private final CampaignAmendments amendments;
    private final BudgetLimits budgets;
    private final Caller caller;
    private final FormCatalogue catalogue;

    CampaignService(CampaignEvents events, CampaignAmendments amendments, BudgetLimits budgets, Caller caller,
            FormCatalogue catalogue) {
        this.catalogue = catalogue;
        this.events = events;
        this.amendments = amendments;
        this.budgets = budgets;
        this.caller = caller;
    }

    /** The campaign after a change, and the amendment holding its budget lines for the plan's decider (or null). */
    public record Changed(CampaignView campaign, UUID planId, UUID amendmentId) {
    }

    /** On a decided plan the new campaign's budget lines are held for the plan's decider (see CampaignAmendments). */
    @Transactional
    public Changed create(CampaignRequest request) {
        Plan plan = writablePlan(request.planId());
        OrgUnit owner = owner(plan);
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.planId = plan.id;
        campaign.createdAt = OffsetDateTime.now();
        apply(campaign, request, plan, owner);
        UUID amendment = plan.isDecided() ? amendments.afterCreate(plan, campaign, caller.name()) : null;
        campaign.persist();
        Campaign.flush();
        events.created(campaign, owner.code, owner.path);
        return new Changed(CampaignView.of(campaign, owner.code), plan.id, amendment);
    }

    /** On a decided plan a change of budget lines is held for the plan's decider; the rest applies and is recorded. */
    @Transactional
    public Changed replace(UUID id, Integer basedOn, CampaignRequest request) {
        Campaign campaign = Campaign.<Campaign>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Campaign", id.toString()));
        IfMatch.check(basedOn, campaign.version, "Campaign " + id);
        if (!campaign.planId.equals(request.planId())) {
            throw ProblemException.invalidField("campaign-plan-fixed", "planId", "a campaign stays with its plan");
        }
        Plan plan = writablePlan(campaign.planId);
        OrgUnit owner = owner(plan);
        long newTotal = request.budgetLines() == null ? 0
                : request.budgetLines().stream().mapToLong(CampaignRequest.BudgetLineRequest::amountVnd).sum();
        if (newTotal < BudgetLimits.total(campaign)) {
            budgets.requireCampaignHolds(campaign, newTotal);
        }
        Map<String, Object> before = CampaignAmendments.content(campaign);
        List<Campaign.BudgetLine> approved = CampaignAmendments.copy(campaign.budgetLines);
        apply(campaign, request, plan, owner);
        UUID amendment = plan.isDecided()
                ? amendments.afterChange(plan, campaign, before, approved, caller.name()) : null;
        Campaign.flush();
        events.updated(campaign, owner.code, owner.path);
        return new Changed(CampaignView.of(campaign, owner.code), plan.id, amendment);
    }

    private Plan writablePlan(UUID planId) {
        Plan plan = Plan.<Plan>findByIdOptional(planId).orElseThrow(() ->
                ProblemException.invalidField("unknown-plan", "planId", "no plan '" + planId + "'"));
        OrgUnit owner = owner(plan);
        caller.requireUnit(owner.code, owner.path, "planId");
        if (plan.status == PlanStatus.CLOSED) {
            throw ProblemException.conflict("plan-closed", "Plan " + plan.id + " is closed; its campaigns no longer change");
        }
        return plan;
    }

    /** Checks the whole request before changing anything, so a rejected one leaves the campaign as it was. */
    private void apply(Campaign campaign, CampaignRequest request, Plan plan, OrgUnit owner) {
        if (!plan.contains(request.startDate(), request.endDate())) {
            throw ProblemException.invalidField("campaign-outside-plan", "startDate",
                    "the campaign must run within its plan's period " + plan.periodStart + " to " + plan.periodEnd);
        }
        requireImplementable(campaign, request, plan, owner);
        List<CampaignRequest.FormRequest> forms = request.forms() == null ? List.of() : request.forms();
        List<CommunicationForm> known = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            CampaignRequest.FormRequest form = forms.get(i);
            boolean alreadyUsed = campaign.forms.stream().anyMatch(used -> used.kind.equals(form.kind()));
            CommunicationForm kind = catalogue.requireUsable(form.kind(), "forms[" + i + "].kind", alreadyUsed);
            known.add(kind);
            if (form.channel() != null && form.channel() != kind.channel) {
                throw ProblemException.invalidField("form-channel-mismatch", "forms[" + i + "].channel",
                        form.kind() + " belongs to the " + kind.channel + " channel");
            }
            if (form.windowStart() != null && form.windowStart().isBefore(request.startDate())
                    || form.windowEnd() != null && form.windowEnd().isAfter(request.endDate())) {
                throw ProblemException.invalidField("form-window-outside-campaign", "forms[" + i + "].windowStart",
                        "the window must lie within the campaign's " + request.startDate() + " to " + request.endDate());
            }
        }
        Set<String> groups = new LinkedHashSet<>(request.targetGroups() == null ? List.of() : request.targetGroups());
        for (String group : groups) {
            if (TargetGroup.findByIdOptional(group).isEmpty()) {
                throw ProblemException.invalidField("unknown-target-group", "targetGroups",
                        "no target group '" + group + "'; see GET /api/v1/campaigns/target-groups");
            }
        }
        campaign.theme = request.theme().strip();
        campaign.searchTheme = SearchText.fold(campaign.theme);
        campaign.startDate = request.startDate();
        campaign.endDate = request.endDate();
        campaign.implementsCampaignId = request.implementsCampaignId();
        replace(campaign.keyMessages, request.keyMessages());
        replace(campaign.contentEmphases, request.contentEmphases());
        campaign.targetGroups.clear();
        campaign.targetGroups.addAll(groups);
        campaign.forms.clear();
        for (int i = 0; i < forms.size(); i++) {
            CampaignRequest.FormRequest requested = forms.get(i);
            Campaign.Form form = new Campaign.Form();
            form.kind = requested.kind();
            form.channel = known.get(i).channel;
            form.description = requested.description();
            form.windowStart = requested.windowStart();
            form.windowEnd = requested.windowEnd();
            campaign.forms.add(form);
        }
        campaign.budgetLines.clear();
        for (CampaignRequest.BudgetLineRequest requested : request.budgetLines() == null
                ? List.<CampaignRequest.BudgetLineRequest>of() : request.budgetLines()) {
            Campaign.BudgetLine line = new Campaign.BudgetLine();
            line.item = requested.item().strip();
            line.amountVnd = requested.amountVnd();
            campaign.budgetLines.add(line);
        }
        campaign.updatedAt = OffsetDateTime.now();
    }

    /**
     * A campaign implements one run higher up: a campaign of an approved (or active) plan above its own plan
     * in the cascade, or of a unit above its plan's owner (the national May campaign for a province's week),
     * whose dates overlap its own.
     */
    private static void requireImplementable(Campaign campaign, CampaignRequest request, Plan plan, OrgUnit owner) {
        UUID implementedId = request.implementsCampaignId();
        if (implementedId == null) {
            return;
        }
        String field = "implementsCampaignId";
        if (implementedId.equals(campaign.id)) {
            throw ProblemException.invalidField("campaign-implements-itself", field, "a campaign cannot implement itself");
        }
        Campaign implemented = Campaign.<Campaign>findByIdOptional(implementedId).orElseThrow(() ->
                ProblemException.invalidField("unknown-campaign", field, "no campaign '" + implementedId + "'"));
        Plan higher = Plan.findById(implemented.planId);
        boolean planAbove = PlanService.isAbove(higher.id, plan);
        boolean unitAbove = !higher.ownerUnitCode.equals(owner.code) && owner.path.contains("/" + higher.ownerUnitCode + "/");
        if (!planAbove && !unitAbove) {
            throw ProblemException.invalidField("implemented-campaign-not-above", field, "the campaign belongs to '"
                    + higher.ownerUnitCode + "''s plan '" + higher.title + "', neither a plan above this campaign's "
                    + "plan nor one of a unit above '" + owner.code + "'");
        }
        if (!higher.isDecided()) {
            throw ProblemException.invalidField("implemented-campaign-not-approved", field, "its plan is "
                    + higher.status + "; a campaign implements one of an approved or active plan");
        }
        if (implemented.startDate.isAfter(request.endDate()) || implemented.endDate.isBefore(request.startDate())) {
            throw ProblemException.invalidField("implemented-campaign-not-overlapping", field, "it runs "
                    + implemented.startDate + " to " + implemented.endDate + ", outside this campaign's "
                    + request.startDate() + " to " + request.endDate());
        }
    }

    private static void replace(List<String> target, List<String> values) {
        target.clear();
        if (values != null) {
            values.stream().map(String::strip).forEach(target::add);
        }
    }

    /**
     * Copies a plan's campaigns into another plan with every date moved by {@code shift}; returns
     * each original campaign id with its copy's, so the plan's assignments can follow.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, UUID> copyAll(UUID fromPlanId, Plan to, UnaryOperator<LocalDate> shift) {
        OrgUnit owner = owner(to);
        Map<UUID, UUID> copies = new LinkedHashMap<>();
        for (Campaign original : Campaign.<Campaign>list("planId = ?1 order by startDate, createdAt", fromPlanId)) {
            Campaign copy = new Campaign();
            copy.id = UUID.randomUUID();
            copy.planId = to.id;
            copy.theme = original.theme;
            copy.searchTheme = original.searchTheme;
            copy.startDate = shift.apply(original.startDate);
            copy.endDate = shift.apply(original.endDate);
            copy.implementsCampaignId = stillImplemented(original.implementsCampaignId, copy);
            copy.keyMessages.addAll(original.keyMessages);
            copy.contentEmphases.addAll(original.contentEmphases);
            copy.targetGroups.addAll(original.targetGroups);
            for (Campaign.Form form : original.forms) {
                Campaign.Form shifted = new Campaign.Form();
                shifted.channel = form.channel;
                shifted.kind = form.kind;
                shifted.description = form.description;
                shifted.windowStart = form.windowStart == null ? null : shift.apply(form.windowStart);
                shifted.windowEnd = form.windowEnd == null ? null : shift.apply(form.windowEnd);
                copy.forms.add(shifted);
            }
            for (Campaign.BudgetLine line : original.budgetLines) {
                Campaign.BudgetLine copied = new Campaign.BudgetLine();
                copied.item = line.item;
                copied.amountVnd = line.amountVnd;
                copy.budgetLines.add(copied);
            }
            copy.createdAt = OffsetDateTime.now();
            copy.updatedAt = copy.createdAt;
            copy.persist();
            events.created(copy, owner.code, owner.path);
            copies.put(original.id, copy.id);
        }
        return copies;
    }

    /** The campaign the original implemented, while it still overlaps the copy's dates; else none. */
    private static UUID stillImplemented(UUID implementedId, Campaign copy) {
        if (implementedId == null) {
            return null;
        }
        Campaign implemented = Campaign.findById(implementedId);
        return implemented == null || implemented.startDate.isAfter(copy.endDate)
                || implemented.endDate.isBefore(copy.startDate) ? null : implementedId;
    }

    /**
     * Campaigns of plans about to follow their unit into its successor are republished with their new
     * owner. Runs before the plans' own transfer (lower priority value), while their plans still name
     * the former unit.
     */
    void takeOver(@Observes @Priority(Interceptor.Priority.APPLICATION) OrgUnitsTakenOver takeover) {
        OrgUnit successor = OrgUnit.findByCode(takeover.successorCode()).orElseThrow();
        List<Campaign> moving = Campaign.list("planId in (select p.id from Plan p where p.ownerUnitCode in ?1"
                + " and p.status <> ?2)", takeover.formerCodes(), PlanStatus.CLOSED);
        for (Campaign campaign : moving) {
            events.updated(campaign, successor.code, successor.path);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CampaignView get(UUID id) {
        Campaign campaign = Campaign.<Campaign>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Campaign", id.toString()));
        return CampaignView.of(campaign, ownerCode(campaign.planId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<CampaignView> list(CampaignFilter filter, PageRequest paging) {
        PanacheQuery<Campaign> found = query(filter, paging.sort).get();
        List<CampaignView> items = found.page(Page.of(paging.page, paging.size)).list().stream()
                .map(CampaignService::view).toList();
        return new PageOf<>(items, paging.page, paging.size, found.count());
    }

    /** The list's query, checked now and built when asked: an export runs it in its own transaction. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Supplier<PanacheQuery<Campaign>> query(CampaignFilter filter, String sortParameter) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (filter.planId() != null) {
            conditions.add("planId = :plan");
            parameters.put("plan", filter.planId());
        }
        if (filter.implementsCampaignId() != null) {
            conditions.add("implementsCampaignId = :implemented");
            parameters.put("implemented", filter.implementsCampaignId());
        }
        if (filter.query() != null && !filter.query().isBlank()) {
            conditions.add("searchTheme like :query" + SearchText.LIKE_ESCAPE);
            parameters.put("query", SearchText.containsPattern(filter.query()));
        }
        // The id last, so that campaigns starting on one day keep one order across pages and exports.
        Sort sort = Sorting.of(sortParameter, SORTABLE, Sort.ascending("startDate")).and("id");
        return conditions.isEmpty()
                ? () -> Campaign.<Campaign>findAll(sort)
                : () -> Campaign.<Campaign>find(String.join(" and ", conditions), sort, parameters);
    }

    /** The campaign as the list shows it, with its plan's owner unit. */
    static CampaignView view(Campaign campaign) {
        return CampaignView.of(campaign, ownerCode(campaign.planId));
    }

    public record CampaignFilter(UUID planId, UUID implementsCampaignId, String query) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TargetGroupView> targetGroups() {
        return TargetGroup.<TargetGroup>list("order by position").stream()
                .map(group -> new TargetGroupView(group.code, group.name)).toList();
    }

    @Schema(name = "TargetGroup")
    public record TargetGroupView(
            @Schema(examples = "FREELANCE_WORKERS") String code,
            @Schema(examples = "Người lao động tự do") String name) {
    }

    static OrgUnit owner(Plan plan) {
        return OrgUnit.findByCode(plan.ownerUnitCode)
                .orElseThrow(() -> new IllegalStateException("Plan " + plan.id + " has no owner unit"));
    }

    static String ownerCode(UUID planId) {
        return Plan.<Plan>findByIdOptional(planId).map(plan -> plan.ownerUnitCode).orElse(null);
    }
}
