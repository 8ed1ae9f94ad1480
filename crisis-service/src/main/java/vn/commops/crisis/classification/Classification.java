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

    public String topicCode;

    @Enumerated(EnumType.STRING)
    public Sentiment sentiment;

    @Column(nullable = false)
    public boolean falseInformation;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<MatchedRule> matchedRules;

    public OffsetDateTime classifiedAt;

    /** Set by an analyst: rules never change it again. */
    @Column(name = "classification_overridden", nullable = false)
    public boolean overridden;

    public String overriddenBy;

    public String overrideReason;

    public OffsetDateTime overriddenAt;

    void apply(Verdict verdict, OffsetDateTime at) {
        topicCode = verdict.topicCode();
        sentiment = verdict.sentiment();
        falseInformation = verdict.falseInformation();
        matchedRules = verdict.matchedRules();
        classifiedAt = at;
    }
}
