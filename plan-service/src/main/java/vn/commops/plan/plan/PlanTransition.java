package vn.commops.plan.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Who moved a plan, when, and why; never changed once written. */
@Entity
@Table(name = "plan_transition")
public class PlanTransition extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, updatable = false)
    public UUID planId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public PlanAction action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public PlanStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public PlanStatus toStatus;

    @Column(nullable = false, updatable = false)
    public String actor;

    @Column(updatable = false)
    public String reason;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime at;
}
