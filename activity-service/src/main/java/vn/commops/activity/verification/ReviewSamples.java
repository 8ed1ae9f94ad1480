package vn.commops.activity.verification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.commops.activity.activity.VerificationStatus;
import vn.commops.activity.partner.Partner;
import vn.commops.common.orgunit.KnownOrgUnit;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;

/** Drawing a review sample of a partner's batch, and reading it back with its members. */
@ApplicationScoped
public class ReviewSamples {

    private static final SecureRandom SEEDS = new SecureRandom();

    private final Caller caller;
    private final VerificationConfig config;
    private final VerificationEvents events;

    ReviewSamples(Caller caller, VerificationConfig config, VerificationEvents events) {
        this.caller = caller;
        this.config = config;
        this.events = events;
    }

    public record Drawn(SampleViews.SampleView sample, boolean isNew) {
    }

    /**
     * Draws ceil(percent × batch size) records, at least one, in the order of md5("seed:id"): the same
     * seed and batch always draw the same records. A retry with the same Idempotency-Key answers the
     * sample the first attempt drew.
     */
    @Transactional
    public Drawn draw(SampleViews.SampleRequest request, String idempotencyKey) {
        if (idempotencyKey != null) {
            ReviewSample earlier = ReviewSample.find("idempotencyKey", idempotencyKey).firstResult();
            if (earlier != null) {
                return new Drawn(view(earlier, requireUnit(earlier.orgUnitCode, "orgUnitCode")), false);
            }
        }
        String path = requireUnit(request.orgUnitCode(), "orgUnitCode");
        if (Partner.findById(request.partnerId()) == null) {
            throw ProblemException.invalidField("unknown-partner", "partnerId", "no partner '" + request.partnerId() + "'");
        }
        if (!request.recordedTo().isAfter(request.recordedFrom())) {
            throw ProblemException.invalidField("invalid-window", "recordedTo", "must be after recordedFrom");
        }
        SampleBatch batch = new SampleBatch(request.partnerId(), path, request.recordedFrom(), request.recordedTo());
        EntityManager em = ReviewSample.getEntityManager();
        int size = ((Number) batch.bind(em.createNativeQuery("select count(*) " + SampleBatch.FROM_WHERE))
                .getSingleResult()).intValue();
        if (size == 0) {
            throw ProblemException.invalidField("empty-batch", "recordedFrom",
                    "the partner recorded no activity under " + request.orgUnitCode() + " in this window");
        }
        List<?> overlapping = batch.bind(em.createNativeQuery("select s.id " + SampleBatch.FROM_WHERE.replaceFirst(
                "from activity a", "from review_sample s join review_sample_member m on m.sample_id = s.id "
                        + "join activity a on a.id = m.activity_id") + " and s.status = 'OPEN' limit 1"))
                .getResultList();
        if (!overlapping.isEmpty()) {
            throw ProblemException.conflict("sample-overlaps", "Review sample " + overlapping.get(0)
                    + " is still open on records of this batch; decide it first");
        }
        ReviewSample sample = new ReviewSample();
        sample.id = UUID.randomUUID();
        sample.partnerId = request.partnerId();
        sample.orgUnitCode = request.orgUnitCode();
        sample.recordedFrom = request.recordedFrom();
        sample.recordedTo = request.recordedTo();
        sample.percent = request.percent();
        sample.seed = request.seed() != null ? request.seed() : SEEDS.nextLong() >>> 1;
        sample.batchSize = size;
        sample.sampleSize = sampleSize(size, request.percent());
        sample.maxRejectedPercent = config.sampleMaxRejectedPercent();
        sample.status = ReviewSample.Status.OPEN;
        sample.drawnBy = caller.name();
        sample.drawnAt = OffsetDateTime.now();
        sample.idempotencyKey = idempotencyKey;
        sample.persist();
        em.flush();
        batch.bind(em.createNativeQuery("insert into review_sample_member (sample_id, activity_id, position) "
                        + "select :sample, d.id, d.position from (select a.id, row_number() over (order by "
                        + SampleBatch.drawOrder() + ") as position " + SampleBatch.FROM_WHERE + " order by "
                        + SampleBatch.drawOrder() + " limit :size) d"))
                .setParameter("sample", sample.id).setParameter("seedPrefix", sample.seed + ":")
                .setParameter("size", sample.sampleSize).executeUpdate();
        events.sampleDrawn(sample, path);
        return new Drawn(view(sample, path), true);
    }

    /** ceil(percent % of size), at least one record. */
    static int sampleSize(int size, BigDecimal percent) {
        int drawn = BigDecimal.valueOf(size).multiply(percent).divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING)
                .intValueExact();
        return Math.max(1, Math.min(size, drawn));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SampleViews.SampleView get(UUID id) {
        ReviewSample sample = ReviewSample.<ReviewSample>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Review sample", id.toString()));
        return view(sample, requireUnit(sample.orgUnitCode, "id"));
    }

    /** The samples drawn in the unit's subtree, latest first, optionally of one partner or in one status. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<SampleViews.SampleSummary> list(String orgUnitCode, String partnerId, ReviewSample.Status status,
            PageRequest paging) {
        String subtree = requireUnit(orgUnitCode, "orgUnit");
        String where = " from ReviewSample s where s.orgUnitCode in "
                + "(select u.code from KnownOrgUnit u where substring(u.path, 1, length(:subtree)) = :subtree)"
                + (partnerId == null ? "" : " and s.partnerId = :partner")
                + (status == null ? "" : " and s.status = :status");
        var em = ReviewSample.getEntityManager();
        var count = em.createQuery("select count(s)" + where, Long.class);
        var page = em.createQuery("select s" + where + " order by s.drawnAt desc, s.id", ReviewSample.class)
                .setFirstResult(paging.page * paging.size).setMaxResults(paging.size);
        for (var query : List.of(count, page)) {
            query.setParameter("subtree", subtree);
            if (partnerId != null) {
                query.setParameter("partner", partnerId);
            }
            if (status != null) {
                query.setParameter("status", status);
            }
        }
        return new PageOf<>(page.getResultList().stream().map(SampleViews.SampleSummary::of).toList(), paging.page,
                paging.size, count.getSingleResult());
    }

    private SampleViews.SampleView view(ReviewSample sample, String path) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = ReviewSample.getEntityManager().createNativeQuery("select a.id, m.position, a.external_id, "
                + "a.org_unit_code, a.verification_status, a.withdrawn, a.changed_by, a.change_reason, a.last_change "
                + "from review_sample_member m join activity a on a.id = m.activity_id where m.sample_id = :sample "
                + "order by m.position").setParameter("sample", sample.id).getResultList();
        List<SampleViews.Member> members = rows.stream().map(row -> {
            VerificationStatus status = VerificationStatus.valueOf((String) row[4]);
            boolean decided = "VERIFIED".equals(row[8]) && status != VerificationStatus.REPORTED;
            return new SampleViews.Member((UUID) row[0], ((Number) row[1]).intValue(), (String) row[2],
                    (String) row[3], status, (Boolean) row[5], decided ? (String) row[6] : null,
                    decided ? (String) row[7] : null);
        }).toList();
        return SampleViews.SampleView.of(sample, members);
    }

    private String requireUnit(String code, String field) {
        KnownOrgUnit unit = KnownOrgUnit.findById(code);
        if (unit == null) {
            throw ProblemException.invalidField("unknown-org-unit", field, "no org unit '" + code + "'");
        }
        caller.requireUnit(code, unit.path, field);
        return unit.path;
    }
}
