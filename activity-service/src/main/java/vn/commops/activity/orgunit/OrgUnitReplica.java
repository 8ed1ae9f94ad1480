package vn.commops.activity.orgunit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import vn.commops.common.event.EventEnvelope;
import vn.commops.common.event.EventReader;
import vn.commops.common.event.ProcessedEvents;

/** Applies plan-service's org-unit events to the local replica, each event once. */
@ApplicationScoped
public class OrgUnitReplica {

    private static final Logger LOG = Logger.getLogger(OrgUnitReplica.class);
    private static final String CONSUMER = "activity-service.org-unit-replica";

    private final EventReader reader;
    private final ProcessedEvents processed;

    OrgUnitReplica(EventReader reader, ProcessedEvents processed) {
        this.reader = reader;
        this.processed = processed;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrgUnitData(String code, String name, String levelCode, String path, LocalDate validTo) {
    }

    @Incoming("org-units")
    @Blocking
    @Transactional
    public void apply(String message) {
        EventEnvelope event = reader.envelope(message);
        if (!processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        if (!event.type().startsWith("org-unit.")) {
            LOG.debugf("Ignoring %s", event.type());
            return;
        }
        OrgUnitData data = reader.data(event, OrgUnitData.class);
        KnownOrgUnit unit = KnownOrgUnit.<KnownOrgUnit>findByIdOptional(data.code()).orElseGet(KnownOrgUnit::new);
        unit.code = data.code();
        unit.name = data.name();
        unit.levelCode = data.levelCode();
        unit.path = data.path();
        unit.validTo = data.validTo();
        unit.updatedAt = OffsetDateTime.now();
        unit.persist();
    }
}
