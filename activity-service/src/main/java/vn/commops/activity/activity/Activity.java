package vn.commops.activity.activity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** Something that happened in the field: a conference held, a banner hung, a livestream run. */
@Entity
@Table(name = "activity")
public class Activity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "org_unit_code", nullable = false)
    public String orgUnitCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActivityForm form;

    @Column(nullable = false)
    public String title;

    public String place;

    @Column(name = "started_at", nullable = false)
    public OffsetDateTime startedAt;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    public Integer attendance;

    public Long reach;

    @Column(name = "idempotency_key", updatable = false)
    public String idempotencyKey;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Version
    public int version;

    public static Optional<Activity> findByIdempotencyKey(String key) {
        return find("idempotencyKey", key).firstResultOptional();
    }
}
