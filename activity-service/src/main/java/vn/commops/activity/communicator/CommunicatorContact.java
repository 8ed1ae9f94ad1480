package vn.commops.activity.communicator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * Personal data, kept apart from the communicator so that lists, events and logs cannot pick it up:
 * it is read only for a manager asking for one communicator. No toString on purpose.
 */
@Entity
@Table(name = "communicator_contact")
public class CommunicatorContact extends PanacheEntityBase {

    @Id
    public UUID communicatorId;

    public String phone;

    public String email;
}
