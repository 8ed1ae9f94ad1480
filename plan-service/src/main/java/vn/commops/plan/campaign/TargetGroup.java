package vn.commops.plan.campaign;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An audience campaigns address (freelance workers, students…): a managed vocabulary, rows not code. */
@Entity
@Table(name = "target_group")
public class TargetGroup extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    public int position;
}
