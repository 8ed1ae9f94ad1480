package vn.commops.activity.communicator;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.UUID;
import java.util.function.Supplier;
import vn.commops.activity.activity.Activity;
import vn.commops.activity.activity.ActivityView;
import vn.commops.activity.communicator.CommunicatorViews.CommunicatorRequest;
import vn.commops.activity.communicator.CommunicatorViews.CommunicatorView;
import vn.commops.activity.communicator.CommunicatorViews.AccessView;
import vn.commops.activity.communicator.CommunicatorViews.Contact;
import vn.commops.activity.communicator.CommunicatorViews.ContactView;
import vn.commops.activity.communicator.CommunicatorViews.TrainingRequest;
import vn.commops.activity.communicator.CommunicatorViews.TrainingView;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.orgunit.KnownOrgUnit;
import vn.commops.common.privacy.ContactBasis;
import vn.commops.common.privacy.ContactIdentifiers;
import vn.commops.common.privacy.LawfulBasis;
import vn.commops.common.problem.Problem;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;
import vn.commops.common.security.Roles;
import vn.commops.common.text.SearchText;

/** Communicators, their contacts (personal data), their trainings and the activities they ran. */
@ApplicationScoped
public class CommunicatorService {

    private final Caller caller;
    private final CommunicatorEvents events;

    CommunicatorService(Caller caller, CommunicatorEvents events) {
        this.caller = caller;
        this.events = events;
    }

    @Transactional
    public CommunicatorView register(CommunicatorRequest request) {
        Contact given = request.contact();
        boolean hasContact = given != null && given.holdsAny();
        ContactBasis.require("contact.", hasContact, hasContact ? given.lawfulBasis() : null,
                hasContact ? given.consentTextVersion() : null);
        KnownOrgUnit unit = unit(request.orgUnitCode(), "orgUnitCode");
        caller.requireUnit(unit.code, unit.path, "orgUnitCode");
        Communicator communicator = new Communicator();
        communicator.id = UUID.randomUUID();
        communicator.fullName = request.fullName().strip();
        communicator.kind = request.kind();
        communicator.orgUnitCode = unit.code;
        communicator.role = request.role();
        communicator.createdAt = OffsetDateTime.now();
        communicator.persist();
        CommunicatorContact contact = null;
        if (hasContact) {
            contact = new CommunicatorContact();
            contact.communicatorId = communicator.id;
            contact.phone = given.phone();
            contact.email = given.email();
            contact.identifiers = ContactIdentifiers.in(Stream.of(given.phone(), given.email())
                    .filter(Objects::nonNull).collect(Collectors.joining(" "))).toArray(String[]::new);
            contact.lawfulBasis = given.lawfulBasis();
            contact.consentTextVersion = given.consentTextVersion();
            if (given.lawfulBasis() == LawfulBasis.CONSENT) {
                contact.consentGivenAt = given.consentGivenAt() == null ? communicator.createdAt
                        : given.consentGivenAt();
            }
            contact.recordedAt = communicator.createdAt;
            contact.persist();
        }
        events.registered(communicator);
        boolean shown = contact != null && mayReadContact(unit);
        return CommunicatorView.of(communicator, shown ? ContactView.of(contact) : null);
    }

    /** The contact only for a manager of the communicator's unit (or a national admin), each read audited. */
    @Transactional
    public CommunicatorView get(UUID id) {
        Communicator communicator = find(id);
        KnownOrgUnit unit = KnownOrgUnit.findById(communicator.orgUnitCode);
        ContactView contact = null;
        if (mayReadContact(unit)) {
            CommunicatorContact stored = CommunicatorContact.findById(id);
            if (stored != null) {
                CommunicatorContactAccess.record(id, ContactAction.READ, caller.name(), OffsetDateTime.now(), null);
                contact = ContactView.of(stored);
            }
        }
        return CommunicatorView.of(communicator, contact);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AccessView> contactAccesses(UUID id) {
        find(id);
        return CommunicatorContactAccess.<CommunicatorContactAccess>list("communicatorId",
                Sort.ascending("accessedAt").and("id"), id).stream().map(AccessView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<CommunicatorView> list(String orgUnit, Communicator.Kind kind, String text, PageRequest paging) {
        PanacheQuery<Communicator> query = query(orgUnit, kind, text).get();
        List<CommunicatorView> items = query.page(Page.of(paging.page, paging.size)).list().stream()
                .map(c -> CommunicatorView.of(c, null)).toList();
        return new PageOf<>(items, paging.page, paging.size, query.count());
    }

    /** The list's query, built when asked: an export runs it in its own transaction. */
    public Supplier<PanacheQuery<Communicator>> query(String orgUnit, Communicator.Kind kind, String text) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (text != null && !text.isBlank()) {
            // The very expression of the trigram index communicator_search_text, so that the index serves it.
            conditions.add("function('communicator_search_text' as String, fullName, role) like :text"
                    + SearchText.LIKE_ESCAPE);
            parameters.put("text", SearchText.containsPattern(text));
        }
        if (orgUnit != null) {
            conditions.add("orgUnitCode = :unit");
            parameters.put("unit", orgUnit);
        }
        if (kind != null) {
            conditions.add("kind = :kind");
            parameters.put("kind", kind);
        }
        String where = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
        // The id after the name: namesakes keep one order across pages and exports.
        return () -> Communicator.<Communicator>find(where, Sort.ascending("fullName").and("id"), parameters);
    }

    /** The activities a communicator was present at, latest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<ActivityView> activities(UUID id, PageRequest paging) {
        find(id);
        String present = "[\"" + id + "\"]";
        @SuppressWarnings("unchecked")
        List<Activity> page = Activity.getEntityManager().createNativeQuery(
                "select * from activity where communicator_ids @> cast(:present as jsonb) "
                        + "order by started_at desc, id limit :size offset :offset", Activity.class)
                .setParameter("present", present).setParameter("size", paging.size)
                .setParameter("offset", paging.page * paging.size).getResultList();
        long total = ((Number) Activity.getEntityManager().createNativeQuery(
                "select count(*) from activity where communicator_ids @> cast(:present as jsonb)")
                .setParameter("present", present).getSingleResult()).longValue();
        return new PageOf<>(page.stream().map(ActivityView::of).toList(), paging.page, paging.size, total);
    }

    @Transactional
    public TrainingView train(TrainingRequest request) {
        KnownOrgUnit unit = unit(request.orgUnitCode(), "orgUnitCode");
        caller.requireUnit(unit.code, unit.path, "orgUnitCode");
        List<Problem.FieldError> unknown = new ArrayList<>();
        for (int i = 0; i < request.attendeeIds().size(); i++) {
            if (Communicator.findById(request.attendeeIds().get(i)) == null) {
                unknown.add(new Problem.FieldError("attendeeIds[" + i + "]", "no communicator with this id"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ProblemException(422, "unknown-communicator", "Request cannot be processed",
                    "Attendees name unknown communicators", unknown);
        }
        Training training = new Training();
        training.id = UUID.randomUUID();
        training.topic = request.topic().strip();
        training.trainer = request.trainer().strip();
        training.orgUnitCode = unit.code;
        training.heldOn = request.heldOn();
        training.attendees.addAll(request.attendeeIds());
        training.createdAt = OffsetDateTime.now();
        training.persist();
        events.trainingRecorded(training);
        return TrainingView.of(training);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TrainingView training(UUID id) {
        Training training = Training.findById(id);
        if (training == null) {
            throw ProblemException.notFound("Training", id.toString());
        }
        return TrainingView.of(training);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<TrainingView> trainings(String orgUnit, UUID attendee, PageRequest paging) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (orgUnit != null) {
            conditions.add("orgUnitCode = :unit");
            parameters.put("unit", orgUnit);
        }
        if (attendee != null) {
            conditions.add(":attendee member of attendees");
            parameters.put("attendee", attendee);
        }
        var query = Training.<Training>find(conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions),
                Sort.descending("heldOn"), parameters);
        List<TrainingView> items = query.page(Page.of(paging.page, paging.size)).list().stream()
                .map(TrainingView::of).toList();
        return new PageOf<>(items, paging.page, paging.size, query.count());
    }

    private boolean mayReadContact(KnownOrgUnit unit) {
        return caller.isNationalAdmin() || (caller.hasRole(Roles.UNIT_MANAGER) && unit != null && caller.mayActOn(unit.path));
    }

    private static KnownOrgUnit unit(String code, String field) {
        KnownOrgUnit unit = KnownOrgUnit.findById(code);
        if (unit == null) {
            throw ProblemException.invalidField("unknown-org-unit", field, "no org unit '" + code + "'");
        }
        return unit;
    }

    private static Communicator find(UUID id) {
        Communicator communicator = Communicator.findById(id);
        if (communicator == null) {
            throw ProblemException.notFound("Communicator", id.toString());
        }
        return communicator;
    }
}
