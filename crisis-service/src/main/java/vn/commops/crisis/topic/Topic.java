package vn.commops.crisis.topic;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** A subject people raise (one-time withdrawal, health-insurance cards…): the axis of classification and early warning. */
@Entity
@Table(name = "topic")
public class Topic extends PanacheEntityBase {

    /** What no rule recognised. */
    public static final String OTHER = "OTHER";

    @Id
    public String code;

    @Column(nullable = false)
    public String nameVi;

    @Column(nullable = false)
    public String nameEn;

    public String description;

    @Column(nullable = false)
    public boolean active;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public int version;
}
