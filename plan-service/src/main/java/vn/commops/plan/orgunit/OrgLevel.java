package vn.commops.plan.orgunit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A level of the hierarchy (national, province, commune…): data, because reforms add and remove levels. */
@Entity
@Table(name = "org_level")
public class OrgLevel extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    /** 0 for the root level; a unit's level is always deeper than its parent's. */
    public int depth;
}
