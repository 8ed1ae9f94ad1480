package vn.commops.crisis.classification;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What a feedback item is about, how it feels and whether it spreads false information; by rules or by an analyst. */
@Embeddable
public class Classification {

    @Column(name = "topic_code")
    public String topicCode;

    @Enumerated(EnumType.STRING)
    public Sentiment sentiment;

    @Column(name = "false_information", nullable = false)
    public boolean falseInformation;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "matched_rules", columnDefinition = "jsonb")
    public List<MatchedRule> matchedRules;

    @Column(name = "classified_at")
    public OffsetDateTime classifiedAt;

    /** Set by an analyst: rules never change it again. */
    @Column(name = "classification_overridden", nullable = false)
    public boolean overridden;

    @Column(name = "overridden_by")
    public String overriddenBy;

    @Column(name = "override_reason")
    public String overrideReason;

    @Column(name = "overridden_at")
    public OffsetDateTime overriddenAt;

    void apply(Verdict verdict, OffsetDateTime at) {
        topicCode = verdict.topicCode();
        sentiment = verdict.sentiment();
        falseInformation = verdict.falseInformation();
        matchedRules = verdict.matchedRules();
        classifiedAt = at;
    }
}
