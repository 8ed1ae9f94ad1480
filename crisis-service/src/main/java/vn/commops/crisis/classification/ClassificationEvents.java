package vn.commops.crisis.classification;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.commops.common.event.EventPublisher;
import vn.commops.crisis.feedback.Feedback;
import vn.commops.crisis.feedback.FeedbackEvents;

/**
 * Rule changes on {@code classification-rules} (keyed by rule id), and each feedback item whose
 * classification changed on {@code feedback} (keyed by feedback id, after its {@code feedback.received}).
 * Neither carries feedback text or a contact.
 */
@ApplicationScoped
public class ClassificationEvents {

    public static final String RULES_TOPIC = "classification-rules";
    public static final String RULE_CREATED = "classification-rule.created";
    public static final String RULE_UPDATED = "classification-rule.updated";
    public static final String RULE_DELETED = "classification-rule.deleted";
    public static final String CLASSIFIED = "feedback.classified";

    /** Why an item's classification changed. */
    public enum Cause { RULES, OVERRIDE }

    private final EventPublisher publisher;

    ClassificationEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    public record RuleDeleted(UUID id, String deletedBy, OffsetDateTime deletedAt) {
    }

    public record Classified(UUID feedbackId, String orgUnitCode, String topicCode, Sentiment sentiment,
            boolean falseInformation, List<UUID> matchedRuleIds, Cause cause, String overriddenBy, String reason,
            OffsetDateTime classifiedAt) {
    }

    void ruleCreated(RuleView rule) {
        publisher.publish(RULES_TOPIC, RULE_CREATED, rule.id().toString(), rule);
    }

    void ruleUpdated(RuleView rule) {
        publisher.publish(RULES_TOPIC, RULE_UPDATED, rule.id().toString(), rule);
    }

    void ruleDeleted(UUID id, String actor) {
        publisher.publish(RULES_TOPIC, RULE_DELETED, id.toString(), new RuleDeleted(id, actor, OffsetDateTime.now()));
    }

    void classified(Feedback feedback, Cause cause) {
        Classification c = feedback.classification;
        List<UUID> rules = c.matchedRules == null ? List.of() : c.matchedRules.stream().map(MatchedRule::ruleId).toList();
        publisher.publish(FeedbackEvents.TOPIC, CLASSIFIED, feedback.id.toString(), new Classified(feedback.id,
                feedback.orgUnitCode, c.topicCode, c.sentiment, c.falseInformation, rules, cause,
                c.overridden ? c.overriddenBy : null, c.overridden ? c.overrideReason : null, c.classifiedAt));
    }
}
