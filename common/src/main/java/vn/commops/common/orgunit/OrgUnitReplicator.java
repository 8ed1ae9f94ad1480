package vn.commops.common.orgunit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.commops.common.event.EventEnvelope;
import vn.commops.common.event.EventReader;
import vn.commops.common.event.ProcessedEvents;

/**
 * Applies plan-service's org-unit events to the local replica, each event once. A service that
 * needs the hierarchy consumes the {@code org-units} topic and hands each message here; the org
 * units stay plan-service's, the replica only what the service may check and roll up against.
 * Every org-unit event (created, updated, moved, merged, split, closed) carries the unit's whole
 * state after the change, so each is applied the same way: an upsert.
 */
@ApplicationScoped
public class OrgUnitReplicator {

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final String consumer;

    OrgUnitReplicator(EventReader reader, ProcessedEvents processed,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.reader = reader;
        this.processed = processed;
        this.consumer = service + ".org-unit-replica";
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrgUnitData(String code, String name, String levelCode, String parentCode, String path,
            LocalDate validFrom, LocalDate validTo, String successorCode) {
    }

    @Transactional
    public void apply(String message) {
        EventEnvelope event = reader.envelope(message);
        if (!event.type().startsWith("org-unit.") || !processed.firstDelivery(consumer, event.id())) {
            return;
        }
        OrgUnitData data = reader.data(event, OrgUnitData.class);
        KnownOrgUnit unit = KnownOrgUnit.<KnownOrgUnit>findByIdOptional(data.code()).orElseGet(KnownOrgUnit::new);
        unit.code = data.code();
        unit.name = data.name();
        unit.levelCode = data.levelCode();
        unit.parentCode = data.parentCode();
        unit.path = data.path();
        unit.validFrom = data.validFrom();
        unit.validTo = data.validTo();
        unit.successorCode = data.successorCode();
        unit.updatedAt = OffsetDateTime.now();
        unit.persist();
    }
}
