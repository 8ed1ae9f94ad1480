package vn.commops.crisis.cluster;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import vn.commops.crisis.feedback.Feedback;
import vn.commops.crisis.feedback.FeedbackEnrichment;

/**
 * Puts each new item into the cluster of its nearest near-duplicate (trigram similarity of the folded
 * text, with pg_trgm's index), or starts a cluster. Runs after classification, so a new cluster takes
 * the item's topic.
 */
@ApplicationScoped
public class Clustering implements FeedbackEnrichment {

    /** Compared texts are cut here: near-duplicates show in their opening, and long texts cost the index. */
    static final int COMPARED_LENGTH = 1_000;

    private final ClusteringConfig config;
    private final ClusterEvents events;

    Clustering(ClusteringConfig config, ClusterEvents events) {
        this.config = config;
        this.events = events;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void enrich(Feedback feedback) {
        EntityManager em = Panache.getEntityManager();
        // One clustering at a time, until commit: two copies of a new rumour arriving together must not
        // start two clusters.
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('crisis-feedback-clustering')), "
                + "set_config('pg_trgm.similarity_threshold', :threshold, true)")
                .setParameter("threshold", Double.toString(config.threshold()))
                .getSingleResult();
        String text = compared(feedback.searchText);
        OffsetDateTime at = feedback.receivedAt;
        List<?> nearest = em.createNativeQuery("select cast(id as text) from feedback_cluster "
                + "where representative % :text and last_seen >= :from and first_seen <= :to "
                + "order by similarity(representative, :text) desc, last_seen desc limit 1")
                .setParameter("text", text)
                .setParameter("from", at.minus(config.window()))
                .setParameter("to", at.plus(config.window()))
                .getResultList();
        if (nearest.isEmpty()) {
            UUID id = UUID.randomUUID();
            em.createNativeQuery("insert into feedback_cluster (id, representative, sample_text, topic_code, item_count, "
                    + "first_seen, last_seen, created_at) values (:id, :text, :sample, :topic, 1, :at, :at, now())")
                    .setParameter("id", id)
                    .setParameter("text", text)
                    .setParameter("sample", feedback.text.length() > COMPARED_LENGTH
                            ? feedback.text.substring(0, COMPARED_LENGTH) : feedback.text)
                    .setParameter("topic", topicOf(feedback))
                    .setParameter("at", at)
                    .executeUpdate();
            feedback.clusterId = id;
            events.formed(new ClusterEvents.ClusterChanged(id, feedback.id, topicOf(feedback), 1, at, at));
        } else {
            UUID id = UUID.fromString((String) nearest.get(0));
            Object[] grown = (Object[]) em.createNativeQuery("update feedback_cluster set item_count = item_count + 1, "
                    + "first_seen = least(first_seen, :at), last_seen = greatest(last_seen, :at) where id = :id "
                    + "returning topic_code, item_count, first_seen, last_seen")
                    .setParameter("at", at)
                    .setParameter("id", id)
                    .getSingleResult();
            feedback.clusterId = id;
            events.grew(new ClusterEvents.ClusterChanged(id, feedback.id, (String) grown[0],
                    ((Number) grown[1]).intValue(), timestamp(grown[2]), timestamp(grown[3])));
        }
    }

    private static String topicOf(Feedback feedback) {
        return feedback.classification == null ? null : feedback.classification.topicCode;
    }

    /** PostgreSQL's timestamptz as the JDBC driver hands it to a native query. */
    private static OffsetDateTime timestamp(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset;
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }

    static String compared(String folded) {
        return folded.length() > COMPARED_LENGTH ? folded.substring(0, COMPARED_LENGTH) : folded;
    }
}
