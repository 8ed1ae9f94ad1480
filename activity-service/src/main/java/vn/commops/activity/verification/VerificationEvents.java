package vn.commops.activity.verification;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import vn.commops.common.event.EventPublisher;

/**
 * Verification rules on {@code verification-rules} (keyed by form) and review samples on
 * {@code review-samples} (keyed by sample id); see docs/events.md. The decisions themselves are
 * {@code activity.verified} events on {@code activities}.
 */
@ApplicationScoped
public class VerificationEvents {

    public static final String RULES_TOPIC = "verification-rules";
    public static final String RULE_CHANGED = "verification-rule.changed";
    public static final String SAMPLES_TOPIC = "review-samples";
    public static final String SAMPLE_DRAWN = "review-sample.drawn";
    public static final String SAMPLE_DECIDED = "review-sample.decided";

    private final EventPublisher publisher;

    VerificationEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    public record RuleChanged(String form, int minEvidence, boolean photoRequired, boolean positionRequired,
            boolean captureTimeRequired, Integer maxDistanceMetres, Integer maxMinutesFromActivity, int version,
            String updatedBy, OffsetDateTime updatedAt) {
    }

    public record SampleChanged(UUID sampleId, String partnerId, String orgUnitCode, String orgUnitPath,
            OffsetDateTime recordedFrom, OffsetDateTime recordedTo, BigDecimal percent, long seed, int batchSize,
            int sampleSize, BigDecimal maxRejectedPercent, ReviewSample.Status status, String drawnBy,
            OffsetDateTime drawnAt, Integer rejected, Integer extended, String decidedBy, OffsetDateTime decidedAt) {
    }

    void ruleChanged(VerificationRule rule) {
        publisher.publish(RULES_TOPIC, RULE_CHANGED, rule.form, new RuleChanged(rule.form, rule.minEvidence,
                rule.photoRequired, rule.positionRequired, rule.captureTimeRequired, rule.maxDistanceMetres,
                rule.maxMinutesFromActivity, rule.version, rule.updatedBy, rule.updatedAt));
    }

    void sampleDrawn(ReviewSample sample, String orgUnitPath) {
        publishSample(SAMPLE_DRAWN, sample, orgUnitPath);
    }

    void sampleDecided(ReviewSample sample, String orgUnitPath) {
        publishSample(SAMPLE_DECIDED, sample, orgUnitPath);
    }

    private void publishSample(String type, ReviewSample s, String orgUnitPath) {
        publisher.publish(SAMPLES_TOPIC, type, s.id.toString(), new SampleChanged(s.id, s.partnerId, s.orgUnitCode,
                orgUnitPath, s.recordedFrom, s.recordedTo, s.percent, s.seed, s.batchSize, s.sampleSize,
                s.maxRejectedPercent, s.status, s.drawnBy, s.drawnAt, s.rejected, s.extended, s.decidedBy,
                s.decidedAt));
    }
}
