package vn.commops.plan.assignment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import vn.commops.common.event.EventEnvelope;
import vn.commops.common.event.EventReader;
import vn.commops.common.event.ProcessedEvents;
import vn.commops.common.event.RetriedWhileDatabaseDown;

/**
 * The communication that rebuilds confidence after a crisis, requested by crisis-service, becomes an
 * assignment of the unit named: once per request id, however often the request is delivered. A
 * request for a unit we do not know goes to the dead-letter topic for operations to look at.
 */
@ApplicationScoped
public class PostCrisisCommunication {

    static final String CONSUMER = "plan-service.post-crisis";
    static final String REQUESTED = "crisis-case.post-crisis-communication-requested";
    private static final Logger LOG = Logger.getLogger(PostCrisisCommunication.class);

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final AssignmentService assignments;

    PostCrisisCommunication(EventReader reader, ProcessedEvents processed, AssignmentService assignments) {
        this.reader = reader;
        this.processed = processed;
        this.assignments = assignments;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Request(UUID requestId, UUID caseId, String orgUnitCode, String title, String brief,
            List<String> forms, Integer quantity, LocalDate dueDate, String requestedBy) {
    }

    static class UnknownUnitException extends RuntimeException {
        UnknownUnitException(String code) {
            super("Post-crisis communication requested for unknown or closed org unit '" + code + "'");
        }
    }

    @Incoming("crisis-cases")
    @RetriedWhileDatabaseDown
    @Blocking
    @Transactional
    public void apply(String message) {
        EventEnvelope event = reader.envelope(message);
        if (!REQUESTED.equals(event.type()) || !processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        Request request = reader.data(event, Request.class);
        if (request.requestId() == null || request.orgUnitCode() == null || request.title() == null) {
            throw new IllegalArgumentException("Event " + event.id() + " lacks requestId, orgUnitCode or title");
        }
        if (assignments.createPostCrisis(request)) {
            LOG.infof("Post-crisis assignment for %s from case %s", request.orgUnitCode(), request.caseId());
        }
    }
}
