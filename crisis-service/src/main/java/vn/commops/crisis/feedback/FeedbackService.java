package vn.commops.crisis.feedback;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.api.Sorting;
import vn.commops.common.orgunit.KnownOrgUnit;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;
import vn.commops.common.security.Roles;
import vn.commops.common.text.SearchText;

@ApplicationScoped
public class FeedbackService {

    private static final Map<String, String> SORTABLE = Map.of("receivedAt", "receivedAt", "channel", "channel");

    private final FeedbackEvents events;
    private final Caller caller;

    FeedbackService(FeedbackEvents events, Caller caller) {
        this.events = events;
        this.caller = caller;
    }

    /** Feedback sent again, under the same idempotency key or the same source id, is returned, not stored twice. */
    @Transactional
    public Submitted submit(FeedbackRequest request, String idempotencyKey) {
        var earlier = Feedback.findEarlier(idempotencyKey, request.channel(), request.sourceId());
        if (earlier.isPresent()) {
            Feedback feedback = earlier.get();
            return new Submitted(FeedbackView.of(feedback, FeedbackContact.findById(feedback.id) != null), false);
        }
        if (request.orgUnitCode() != null) {
            KnownOrgUnit unit = KnownOrgUnit.<KnownOrgUnit>findByIdOptional(request.orgUnitCode()).orElseThrow(() ->
                    ProblemException.invalidField("unknown-org-unit", "orgUnitCode",
                            "no org unit '" + request.orgUnitCode() + "'"));
            // Crisis analysts take feedback from anywhere; offices only for their own units.
            if (!caller.hasRole(Roles.CRISIS_ANALYST)) {
                caller.requireUnit(unit.code, unit.path, "orgUnitCode");
            }
        }
        Feedback feedback = new Feedback();
        feedback.id = UUID.randomUUID();
        feedback.channel = request.channel();
        feedback.text = request.text().strip();
        feedback.searchText = SearchText.fold(feedback.text);
        feedback.language = request.language() == null ? "vi" : request.language();
        feedback.orgUnitCode = request.orgUnitCode();
        feedback.sourceId = request.sourceId();
        feedback.sourceLink = request.sourceLink();
        feedback.createdAt = OffsetDateTime.now();
        feedback.receivedAt = request.receivedAt() == null ? feedback.createdAt : request.receivedAt();
        feedback.idempotencyKey = idempotencyKey;
        feedback.persist();
        boolean hasContact = request.contact() != null && !request.contact().isBlank();
        if (hasContact) {
            FeedbackContact contact = new FeedbackContact();
            contact.feedbackId = feedback.id;
            contact.contact = request.contact().strip();
            contact.persist();
        }
        events.received(feedback);
        return new Submitted(FeedbackView.of(feedback, hasContact), true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FeedbackView get(UUID id) {
        Feedback feedback = Feedback.<Feedback>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Feedback", id.toString()));
        return FeedbackView.of(feedback, FeedbackContact.findById(id) != null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<FeedbackView> list(FeedbackFilter filter, PageRequest paging) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (filter.channel() != null) {
            conditions.add("channel = :channel");
            parameters.put("channel", filter.channel());
        }
        if (filter.orgUnitCode() != null) {
            conditions.add("orgUnitCode = :unit");
            parameters.put("unit", filter.orgUnitCode());
        }
        if (filter.query() != null && !filter.query().isBlank()) {
            conditions.add("searchText like :query");
            parameters.put("query", SearchText.containsPattern(filter.query()));
        }
        Sort sort = Sorting.of(paging.sort, SORTABLE, Sort.descending("receivedAt"));
        var query = conditions.isEmpty()
                ? Feedback.<Feedback>findAll(sort)
                : Feedback.<Feedback>find(String.join(" and ", conditions), sort, parameters);
        List<Feedback> page = query.page(Page.of(paging.page, paging.size)).list();
        Set<UUID> withContact = withContact(page);
        List<FeedbackView> items = page.stream().map(f -> FeedbackView.of(f, withContact.contains(f.id))).toList();
        return new PageOf<>(items, paging.page, paging.size, query.count());
    }

    private static Set<UUID> withContact(List<Feedback> page) {
        if (page.isEmpty()) {
            return Set.of();
        }
        List<UUID> ids = page.stream().map(f -> f.id).toList();
        return FeedbackContact.<FeedbackContact>list("feedbackId in ?1", ids).stream()
                .map(c -> c.feedbackId).collect(Collectors.toSet());
    }

    public record FeedbackFilter(FeedbackChannel channel, String orgUnitCode, String query) {
    }

    public record Submitted(FeedbackView feedback, boolean isNew) {
    }
}
