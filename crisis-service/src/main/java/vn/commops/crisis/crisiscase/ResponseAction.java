package vn.commops.crisis.crisiscase;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Something the agency does to answer a crisis, due by a time. */
@Entity
@Table(name = "crisis_response_action")
public class ResponseAction extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ResponseActionKind kind;

    @Column(nullable = false)
    public String description;

    @Column(nullable = false)
    public OffsetDateTime dueAt;

    public OffsetDateTime doneAt;

    public String doneBy;

    public String outcome;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(nullable = false, updatable = false)
    public String createdBy;

    @Version
    public int version;
}
