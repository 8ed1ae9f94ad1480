package vn.commops.crisis.cluster;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.api.Sorting;
import vn.commops.common.problem.ProblemException;

@ApplicationScoped
public class ClusterService {

    private static final Map<String, String> SORTABLE = Map.of("lastSeen", "lastSeen", "firstSeen", "firstSeen",
            "itemCount", "itemCount");

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<ClusterView> list(String topicCode, OffsetDateTime since, Integer minCount, PageRequest paging) {
        PanacheQuery<FeedbackCluster> query = query(topicCode, since, minCount, paging.sort).get();
        List<ClusterView> items = query.page(Page.of(paging.page, paging.size)).list().stream()
                .map(ClusterView::of).toList();
        return new PageOf<>(items, paging.page, paging.size, query.count());
    }

    /** The list's query, its sort checked now and built when asked: an export runs it in its own transaction. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Supplier<PanacheQuery<FeedbackCluster>> query(String topicCode, OffsetDateTime since, Integer minCount,
            String sortParameter) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (topicCode != null) {
            conditions.add("topicCode = :topic");
            parameters.put("topic", topicCode);
        }
        if (since != null) {
            conditions.add("lastSeen >= :since");
            parameters.put("since", since);
        }
        if (minCount != null) {
            conditions.add("itemCount >= :minCount");
            parameters.put("minCount", minCount);
        }
        Sort sort = Sorting.of(sortParameter, SORTABLE, Sort.descending("lastSeen"));
        return () -> conditions.isEmpty() ? FeedbackCluster.<FeedbackCluster>findAll(sort)
                : FeedbackCluster.<FeedbackCluster>find(String.join(" and ", conditions), sort, parameters);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ClusterView get(UUID id) {
        return ClusterView.of(require(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public static FeedbackCluster require(UUID id) {
        return FeedbackCluster.<FeedbackCluster>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Feedback cluster", id.toString()));
    }
}
