package vn.commops.activity.communicator;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
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
import vn.commops.common.api.IfMatch;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.orgunit.KnownOrgUnit;
import vn.commops.common.privacy.ContactBasis;
import vn.commops.common.privacy.ContactIdentifiers;
import vn.commops.common.privacy.LawfulBasis;
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
        CommunicatorContact contact = hasContact ? keepContact(communicator.id, given, communicator.createdAt) : null;
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
    public PageOf<CommunicatorView> list(String orgUnit, Communicator.Kind kind, String text, Boolean active,
            PageRequest paging) {
        PanacheQuery<Communicator> query = query(orgUnit, kind, text, active).get();
        List<CommunicatorView> items = query.page(Page.of(paging.page, paging.size)).list().stream()
                .map(c -> CommunicatorView.of(c, null)).toList();
        return new PageOf<>(items, paging.page, paging.size, query.count());
    }

    /** The list's query, built when asked: an export runs it in its own transaction. */
    public Supplier<PanacheQuery<Communicator>> query(String orgUnit, Communicator.Kind kind, String text,
            Boolean active) {
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
        if (active != null) {
            conditions.add(active ? "deactivatedAt is null" : "deactivatedAt is not null");
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

    /**
     * Replaces what a manager may change: name, kind, unit, role, and the contact when one is given
     * (absent, it stays as it is; erasing it is the data-protection officer's). A stale If-Match is
     * refused before anything changes.
     */
    @Transactional
    public CommunicatorView update(UUID id, CommunicatorRequest request, Integer expectedVersion) {
        Communicator communicator = find(id);
        requireManager(communicator, "id");
        IfMatch.check(expectedVersion, communicator.version, "Communicator " + id);
        Contact given = request.contact();
        boolean contactChanged = given != null && given.holdsAny();
        ContactBasis.require("contact.", contactChanged, contactChanged ? given.lawfulBasis() : null,
                contactChanged ? given.consentTextVersion() : null);
        KnownOrgUnit unit = unit(request.orgUnitCode(), "orgUnitCode");
        caller.requireUnit(unit.code, unit.path, "orgUnitCode");
        String previousUnit = communicator.orgUnitCode;
        String fullName = request.fullName().strip();
        boolean nameChanged = !fullName.equals(communicator.fullName);
        boolean roleChanged = !Objects.equals(request.role(), communicator.role);
        boolean moved = !unit.code.equals(previousUnit);
        boolean ownChanged = nameChanged || roleChanged || moved || request.kind() != communicator.kind;
        if (!ownChanged && !contactChanged) {
            return CommunicatorView.of(communicator, null);
        }
        OffsetDateTime now = OffsetDateTime.now();
        communicator.fullName = fullName;
        communicator.kind = request.kind();
        communicator.orgUnitCode = unit.code;
        communicator.role = request.role();
        CommunicatorContact contact = null;
        if (contactChanged) {
            contact = keepContact(id, given, now);
            CommunicatorContactAccess.record(id, ContactAction.CHANGED, caller.name(), now, null);
            if (!ownChanged) {
                // The contact lives in its own row: the communicator's version must still move, for the ETag and the feed.
                Communicator.getEntityManager().lock(communicator, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
            }
        }
        Communicator.flush();
        events.updated(communicator, previousUnit, nameChanged, roleChanged, contactChanged, now);
        // The caller sent the contact; showing it back is no new read.
        return CommunicatorView.of(communicator, contact == null ? null : ContactView.of(contact));
    }

    /** Refuses (403) a caller who does not manage the communicator's unit. */
    void requireManager(Communicator communicator, String field) {
        KnownOrgUnit unit = KnownOrgUnit.findById(communicator.orgUnitCode);
        caller.requireUnit(communicator.orgUnitCode, unit == null ? null : unit.path, field);
    }

    /** Stores (or replaces) a communicator's contact with its lawful basis; it never leaves this table but by a read. */
    private static CommunicatorContact keepContact(UUID communicatorId, Contact given, OffsetDateTime at) {
        CommunicatorContact contact = CommunicatorContact.findById(communicatorId);
        boolean stored = contact != null;
        if (!stored) {
            contact = new CommunicatorContact();
            contact.communicatorId = communicatorId;
        }
        contact.phone = given.phone();
        contact.email = given.email();
        contact.identifiers = ContactIdentifiers.in(Stream.of(given.phone(), given.email())
                .filter(Objects::nonNull).collect(Collectors.joining(" "))).toArray(String[]::new);
        contact.lawfulBasis = given.lawfulBasis();
        contact.consentTextVersion = given.consentTextVersion();
        contact.consentGivenAt = given.lawfulBasis() == LawfulBasis.CONSENT
                ? (given.consentGivenAt() == null ? at : given.consentGivenAt()) : null;
        // Retention runs from when this contact was given; an earlier erasure concerned the one it replaces.
        contact.recordedAt = at;
        contact.erasedAt = null;
        contact.erasureId = null;
        if (!stored) {
            contact.persist();
        }
        return contact;
    }

    private boolean mayReadContact(KnownOrgUnit unit) {
        return caller.isNationalAdmin() || (caller.hasRole(Roles.UNIT_MANAGER) && unit != null && caller.mayActOn(unit.path));
    }

    static KnownOrgUnit unit(String code, String field) {
        KnownOrgUnit unit = KnownOrgUnit.findById(code);
        if (unit == null) {
            throw ProblemException.invalidField("unknown-org-unit", field, "no org unit '" + code + "'");
        }
        return unit;
    }

    static Communicator find(UUID id) {
        Communicator communicator = Communicator.findById(id);
        if (communicator == null) {
            throw ProblemException.notFound("Communicator", id.toString());
        }
        return communicator;
    }
}
