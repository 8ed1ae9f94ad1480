package vn.commops.crisis.crisiscase;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Communication asked of a unit after a crisis, to rebuild confidence; plan-service makes it an assignment. */
@Entity
@Table(name = "post_crisis_request")
public class PostCrisisRequest extends PanacheEntityBase {

    @Id
    public UUID requestId;

    @Column(nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public String orgUnitCode;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String brief;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<String> forms;

    @Column(nullable = false)
    public int quantity;

    @Column(nullable = false)
    public LocalDate dueDate;

    @Column(nullable = false)
    public String requestedBy;

    @Column(nullable = false)
    public OffsetDateTime requestedAt;

    public String idempotencyKey;
}
