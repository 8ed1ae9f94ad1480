package vn.commops.crisis.classification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A rule analysts keep: what it recognises in feedback and what it then sets. */
@Entity
@Table(name = "classification_rule")
public class ClassificationRule extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MatchKind matchKind;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> keywords;

    public String pattern;

    /** The language the rule is written in, for the analysts; matching does not depend on it. */
    public String language;

    @Column(nullable = false)
    public int priority;

    public String topicCode;

    @Enumerated(EnumType.STRING)
    public Sentiment sentiment;

    public Boolean falseInformation;

    @Column(nullable = false)
    public boolean active;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(nullable = false)
    public OffsetDateTime updatedAt;

    @Column(nullable = false)
    public String updatedBy;

    @Version
    public int version;
}
