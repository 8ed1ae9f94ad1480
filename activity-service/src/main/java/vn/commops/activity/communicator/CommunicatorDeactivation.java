package vn.commops.activity.communicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.UUID;
import vn.commops.activity.communicator.CommunicatorViews.CommunicatorView;
import vn.commops.activity.communicator.CommunicatorViews.DeactivationRequest;
import vn.commops.common.api.IfMatch;

/**
 * Deactivating and reactivating communicators. Both are idempotent: asking again for the state a
 * communicator is already in changes nothing and publishes nothing, so a retry never doubles an event.
 */
@ApplicationScoped
public class CommunicatorDeactivation {

    private final CommunicatorService communicators;
    private final CommunicatorEvents events;

    CommunicatorDeactivation(CommunicatorService communicators, CommunicatorEvents events) {
        this.communicators = communicators;
        this.events = events;
    }

    @Transactional
    public CommunicatorView deactivate(UUID id, DeactivationRequest request, Integer expectedVersion) {
        Communicator communicator = CommunicatorService.find(id);
        communicators.requireManager(communicator, "id");
        if (!communicator.isActive()) {
            return CommunicatorView.of(communicator, null);
        }
        IfMatch.check(expectedVersion, communicator.version, "Communicator " + id);
        communicator.deactivatedAt = OffsetDateTime.now();
        communicator.deactivationReason = request.reason();
        communicator.deactivationNote = request.note() == null || request.note().isBlank() ? null
                : request.note().strip();
        Communicator.flush();
        events.deactivated(communicator);
        return CommunicatorView.of(communicator, null);
    }

    @Transactional
    public CommunicatorView reactivate(UUID id, Integer expectedVersion) {
        Communicator communicator = CommunicatorService.find(id);
        communicators.requireManager(communicator, "id");
        if (communicator.isActive()) {
            return CommunicatorView.of(communicator, null);
        }
        IfMatch.check(expectedVersion, communicator.version, "Communicator " + id);
        communicator.deactivatedAt = null;
        communicator.deactivationReason = null;
        communicator.deactivationNote = null;
        Communicator.flush();
        events.reactivated(communicator, OffsetDateTime.now());
        return CommunicatorView.of(communicator, null);
    }
}
