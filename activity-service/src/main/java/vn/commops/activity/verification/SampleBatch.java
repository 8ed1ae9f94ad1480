package vn.commops.activity.verification;

import jakarta.persistence.Query;
import java.time.OffsetDateTime;

/**
 * The batch a sample reviews, as SQL over {@code activity a}: the partner's activities recorded
 * (created) in [from, to) in the unit's subtree, not withdrawn. Recording time needs no column of its
 * own and names what a partner sent in one sitting, whether by single posts, batches or an import.
 */
record SampleBatch(String partnerId, String unitPath, OffsetDateTime from, OffsetDateTime to) {

    static final String FROM_WHERE = "from activity a join org_unit_replica k on k.code = a.org_unit_code "
            + "where a.partner_id = :partner and a.created_at >= :from and a.created_at < :to and not a.withdrawn "
            + "and starts_with(k.path, :subtree)";

    static SampleBatch of(ReviewSample sample, String unitPath) {
        return new SampleBatch(sample.partnerId, unitPath, sample.recordedFrom, sample.recordedTo);
    }

    Query bind(Query query) {
        return query.setParameter("partner", partnerId).setParameter("from", from).setParameter("to", to)
                .setParameter("subtree", unitPath);
    }

    /** The order of the draw: md5 of "seed:activity id", then the id. Anyone can recompute it. */
    static String drawOrder() {
        return "md5(:seedPrefix || a.id::text), a.id";
    }
}
