package vn.commops.crisis.feedback;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.api.Sorting;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.text.SearchText;
import vn.commops.crisis.classification.Sentiment;

@ApplicationScoped
public class FeedbackService {

    private static final Map<String, String> SORTABLE = Map.of("receivedAt", "receivedAt", "channel", "channel");

    private final FeedbackIntake intake;

    FeedbackService(FeedbackIntake intake) {
        this.intake = intake;
    }

    /** Feedback sent again, under the same idempotency key or the same source id, is returned, not stored twice. */
    @Transactional
    public Submitted submit(FeedbackRequest request, String idempotencyKey) {
        FeedbackIntake.Submitted submitted = intake.submit(request, idempotencyKey);
        Feedback feedback = submitted.feedback();
        return new Submitted(FeedbackView.of(feedback, hasLiveContact(feedback.id)), submitted.isNew());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FeedbackView get(UUID id) {
        Feedback feedback = Feedback.<Feedback>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Feedback", id.toString()));
        return FeedbackView.of(feedback, hasLiveContact(id));
    }

    private static boolean hasLiveContact(UUID feedbackId) {
        FeedbackContact contact = FeedbackContact.findById(feedbackId);
        return contact != null && !contact.isErased();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<FeedbackView> list(FeedbackFilter filter, PageRequest paging) {
        PanacheQuery<Feedback> query = query(filter, paging.sort).get();
        List<Feedback> page = query.page(Page.of(paging.page, paging.size)).list();
        Set<UUID> withContact = withContact(page);
        List<FeedbackView> items = page.stream().map(f -> FeedbackView.of(f, withContact.contains(f.id))).toList();
        return new PageOf<>(items, paging.page, paging.size, query.count());
    }

    /** The list's query, checked now and built when asked: an export runs it in its own transaction. */
    public Supplier<PanacheQuery<Feedback>> query(FeedbackFilter filter, String sortParameter) {
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
        if (filter.topicCode() != null) {
            conditions.add("classification.topicCode = :topic");
            parameters.put("topic", filter.topicCode());
        }
        if (filter.sentiment() != null) {
            conditions.add("classification.sentiment = :sentiment");
            parameters.put("sentiment", filter.sentiment());
        }
        if (filter.falseInformation() != null) {
            conditions.add("classification.falseInformation = :falseInformation");
            parameters.put("falseInformation", filter.falseInformation());
        }
        if (filter.clusterId() != null) {
            conditions.add("clusterId = :cluster");
            parameters.put("cluster", filter.clusterId());
        }
        if (filter.query() != null && !filter.query().isBlank()) {
            conditions.add("searchText like :query" + SearchText.LIKE_ESCAPE);
            parameters.put("query", SearchText.containsPattern(filter.query()));
        }
        // The id last, so that items received at the same instant keep one order across pages and exports.
        Sort sort = Sorting.of(sortParameter, SORTABLE, Sort.descending("receivedAt")).and("id");
        return conditions.isEmpty()
                ? () -> Feedback.<Feedback>findAll(sort)
                : () -> Feedback.<Feedback>find(String.join(" and ", conditions), sort, parameters);
    }

    static Set<UUID> withContact(List<Feedback> page) {
        if (page.isEmpty()) {
            return Set.of();
        }
        List<UUID> ids = page.stream().map(f -> f.id).toList();
        return FeedbackContact.<FeedbackContact>list("feedbackId in ?1 and erasedAt is null", ids).stream()
                .map(c -> c.feedbackId).collect(Collectors.toSet());
    }

    public record FeedbackFilter(FeedbackChannel channel, String orgUnitCode, String query, String topicCode,
            Sentiment sentiment, Boolean falseInformation, UUID clusterId) {
    }

    /** The item's stored row, for the features that work on feedback (cases, answers). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Feedback require(UUID id) {
        return Feedback.<Feedback>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Feedback", id.toString()));
    }

    public record Submitted(FeedbackView feedback, boolean isNew) {
    }
}
