package vn.commops.crisis.feedback;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.commops.common.orgunit.KnownOrgUnit;
import vn.commops.common.privacy.ContactBasis;
import vn.commops.common.privacy.ContactIdentifiers;
import vn.commops.common.privacy.LawfulBasis;
import vn.commops.common.problem.Problem;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;
import vn.commops.common.security.Roles;
import vn.commops.common.text.SearchText;

/**
 * Takes feedback in, one item from a person or office, or thousands from a monitoring tool. An item
 * sent again (same Idempotency-Key, or same channel and sourceId) is recognised and not stored twice.
 */
@ApplicationScoped
public class FeedbackIntake {

    private static final int FLUSH_EVERY = 100;

    private final FeedbackEvents events;
    private final Caller caller;
    private final Validator validator;
    private final List<FeedbackEnrichment> enrichments;

    FeedbackIntake(FeedbackEvents events, Caller caller, Validator validator,
            Instance<FeedbackEnrichment> enrichments) {
        this.events = events;
        this.caller = caller;
        this.validator = validator;
        this.enrichments = enrichments.stream().sorted(Comparator.comparingInt(FeedbackEnrichment::order)).toList();
    }

    @Transactional
    public Submitted submit(FeedbackRequest request, String idempotencyKey) {
        Optional<Feedback> earlier = Feedback.findEarlier(idempotencyKey, request.channel(), request.sourceId());
        if (earlier.isPresent()) {
            Feedback feedback = earlier.get();
            // A retry tells only a caller who could have sent it that the item exists.
            if (feedback.orgUnitCode != null && !caller.hasRole(Roles.CRISIS_ANALYST)) {
                caller.requireUnit(feedback.orgUnitCode, feedback.orgUnitPath, "orgUnitCode");
            }
            return new Submitted(feedback, false);
        }
        ContactBasis.require("", request.hasContact(), request.lawfulBasis(), request.consentTextVersion());
        KnownOrgUnit unit = unitOf(request, new HashMap<>());
        return new Submitted(store(request, idempotencyKey, unit), true);
    }

    /**
     * Stores every acceptable item of a batch and reports per item; a rejected item stores nothing. The
     * batch is one transaction, so a failure of the database leaves nothing half-done and a retry is safe.
     */
    @Transactional
    public FeedbackBatchResult submitBatch(List<FeedbackRequest> requests) {
        List<FeedbackBatchResult.Item> items = new ArrayList<>(requests.size());
        Map<String, KnownOrgUnit> units = new HashMap<>();
        Map<String, UUID> inThisBatch = new HashMap<>();
        for (int index = 0; index < requests.size(); index++) {
            if (index > 0 && index % FLUSH_EVERY == 0) {
                // Every query flushes and dirty-checks what the session holds; a small session keeps a batch linear.
                EntityManager session = Panache.getEntityManager();
                session.flush();
                session.clear();
                units.clear();
            }
            FeedbackRequest request = requests.get(index);
            List<Problem.FieldError> errors = validate(request);
            if (!errors.isEmpty()) {
                items.add(FeedbackBatchResult.Item.rejected(index, request, errors));
                continue;
            }
            String naturalKey = request.channel() + "/" + request.sourceId();
            UUID sameBatch = inThisBatch.get(naturalKey);
            if (sameBatch != null) {
                items.add(FeedbackBatchResult.Item.duplicate(index, request, sameBatch));
                continue;
            }
            Optional<Feedback> earlier = Feedback.findEarlier(null, request.channel(), request.sourceId());
            if (earlier.isPresent()) {
                items.add(FeedbackBatchResult.Item.duplicate(index, request, earlier.get().id));
                continue;
            }
            try {
                Feedback feedback = store(request, null, unitOf(request, units));
                inThisBatch.put(naturalKey, feedback.id);
                items.add(FeedbackBatchResult.Item.created(index, request, feedback.id));
            } catch (ProblemException refused) {
                items.add(FeedbackBatchResult.Item.rejected(index, request, refused.errors()));
            }
        }
        return FeedbackBatchResult.of(items);
    }

    private List<Problem.FieldError> validate(FeedbackRequest request) {
        if (request == null) {
            return List.of(new Problem.FieldError("$", "must not be null"));
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<FeedbackRequest> violation : validator.validate(request)) {
            errors.add(new Problem.FieldError(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        // A monitoring tool's retries are recognised only by its own id.
        if (request.sourceId() == null || request.sourceId().isBlank()) {
            errors.add(new Problem.FieldError("sourceId", "must not be blank in a batch"));
        }
        errors.addAll(ContactBasis.faults("", request.hasContact(), request.lawfulBasis(),
                request.consentTextVersion()));
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return errors;
    }

    private KnownOrgUnit unitOf(FeedbackRequest request, Map<String, KnownOrgUnit> known) {
        if (request.orgUnitCode() == null) {
            if (!caller.isNationalAdmin() && !caller.hasRole(Roles.CRISIS_ANALYST)) {
                // Offices speak for their own units; feedback without a place is the national centre's.
                throw ProblemException.invalidField("org-unit-required", "orgUnitCode",
                        "must name one of your units");
            }
            return null;
        }
        KnownOrgUnit unit = known.computeIfAbsent(request.orgUnitCode(),
                code -> KnownOrgUnit.<KnownOrgUnit>findByIdOptional(code).orElse(null));
        if (unit == null) {
            throw ProblemException.invalidField("unknown-org-unit", "orgUnitCode",
                    "no org unit '" + request.orgUnitCode() + "'");
        }
        // Crisis analysts take feedback from anywhere; offices only for their own units.
        if (!caller.hasRole(Roles.CRISIS_ANALYST)) {
            caller.requireUnit(unit.code, unit.path, "orgUnitCode");
        }
        return unit;
    }

    private Feedback store(FeedbackRequest request, String idempotencyKey, KnownOrgUnit unit) {
        Feedback feedback = new Feedback();
        feedback.id = UUID.randomUUID();
        feedback.channel = request.channel();
        feedback.text = request.text().strip();
        feedback.searchText = SearchText.fold(feedback.text);
        feedback.language = request.language() == null ? "vi" : request.language();
        feedback.orgUnitCode = unit == null ? null : unit.code;
        feedback.orgUnitPath = unit == null ? null : unit.path;
        feedback.sourceId = request.sourceId();
        feedback.sourceLink = request.sourceLink();
        feedback.authorHandle = request.authorHandle();
        feedback.reach = request.reach() == null ? 0 : request.reach();
        feedback.engagement = request.engagement() == null ? 0 : request.engagement();
        feedback.inReplyTo = request.inReplyTo();
        feedback.submittedBy = caller.name();
        feedback.createdAt = OffsetDateTime.now();
        feedback.receivedAt = request.receivedAt() == null ? feedback.createdAt : request.receivedAt();
        feedback.idempotencyKey = idempotencyKey;
        for (FeedbackEnrichment enrichment : enrichments) {
            enrichment.enrich(feedback);
        }
        feedback.persist();
        if (request.hasContact()) {
            FeedbackContact contact = new FeedbackContact();
            contact.feedbackId = feedback.id;
            contact.contact = request.contact().strip();
            contact.identifiers = ContactIdentifiers.in(contact.contact).toArray(String[]::new);
            contact.lawfulBasis = request.lawfulBasis();
            contact.consentTextVersion = request.consentTextVersion();
            if (request.lawfulBasis() == LawfulBasis.CONSENT) {
                contact.consentGivenAt = request.consentGivenAt() == null ? feedback.receivedAt : request.consentGivenAt();
            }
            contact.recordedAt = feedback.createdAt;
            contact.persist();
        }
        events.received(feedback);
        return feedback;
    }

    public record Submitted(Feedback feedback, boolean isNew) {
    }
}
