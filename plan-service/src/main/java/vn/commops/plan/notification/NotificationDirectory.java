package vn.commops.plan.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;
import vn.commops.plan.orgunit.OrgUnit;

/**
 * The people notifications go to. A national admin manages everyone; a unit manager the people of the
 * units they are granted (where the person is and where they would move to); each person their own
 * preferences.
 */
@ApplicationScoped
public class NotificationDirectory {

    static final String RECIPIENT = "Notification recipient";

    private final Caller caller;
    private final NotificationEvents events;

    NotificationDirectory(Caller caller, NotificationEvents events) {
        this.caller = caller;
        this.events = events;
    }

    /** Registers or replaces a person; true when they were new. */
    @Transactional
    public boolean put(String username, RecipientRequest request) {
        OrgUnit unit = OrgUnit.findByCode(request.orgUnitCode()).orElseThrow(() -> ProblemException.invalidField(
                "unknown-org-unit", "orgUnitCode", "refers to a record that does not exist"));
        caller.requireUnit(unit.code, unit.path, "orgUnitCode");
        List<RecipientRequest.Window> windows = request.dutyWindows() == null ? List.of() : request.dutyWindows();
        for (int i = 0; i < windows.size(); i++) {
            if (!windows.get(i).endsAt().isAfter(windows.get(i).startsAt())) {
                throw ProblemException.badRequest("validation", "dutyWindows[" + i + "].endsAt",
                        "must be after startsAt");
            }
        }
        NotificationRecipient recipient = NotificationRecipient.findById(username);
        boolean created = recipient == null;
        if (created) {
            recipient = new NotificationRecipient();
            recipient.username = username;
            recipient.createdBy = caller.name();
        } else {
            requireManaged(recipient);
        }
        RecipientState before = created ? null : RecipientState.of(recipient);
        recipient.language = request.language();
        recipient.orgUnitCode = unit.code;
        recipient.kinds = request.kinds().stream().distinct().map(Enum::name).toArray(String[]::new);
        recipient.updatedAt = OffsetDateTime.now();
        recipient.persist();
        RecipientEmail email = RecipientEmail.<RecipientEmail>findByIdOptional(username).orElseGet(RecipientEmail::new);
        email.username = username;
        email.email = request.email().strip();
        email.persist();
        DutyWindow.delete("username", username);
        for (RecipientRequest.Window window : windows) {
            DutyWindow duty = new DutyWindow();
            duty.username = username;
            duty.startsAt = window.startsAt();
            duty.endsAt = window.endsAt();
            duty.persist();
        }
        if (created) {
            events.registered(recipient, preferenceOf(username));
        } else if (!before.equals(RecipientState.of(recipient))) {
            events.updated(recipient, preferenceOf(username));
        }
        return created;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RecipientView get(String username) {
        NotificationRecipient recipient = find(username);
        requireManaged(recipient);
        return view(recipient);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RecipientView> ofUnit(String orgUnitCode) {
        OrgUnit unit = OrgUnit.findByCode(orgUnitCode)
                .orElseThrow(() -> ProblemException.notFound("Org unit", orgUnitCode));
        caller.requireUnit(unit.code, unit.path, "orgUnitCode");
        return NotificationRecipient.<NotificationRecipient>list("orgUnitCode = ?1 order by username", unit.code)
                .stream().map(this::view).toList();
    }

    @Transactional
    public void remove(String username) {
        NotificationRecipient recipient = find(username);
        requireManaged(recipient);
        // The email, duty windows and preference go with it (on delete cascade).
        recipient.delete();
        events.removed(recipient, caller.name());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PreferenceView myPreferences() {
        NotificationRecipient me = find(caller.name());
        return PreferenceView.of(me, preferenceOf(me.username));
    }

    @Transactional
    public PreferenceView setMyPreferences(PreferenceRequest request) {
        NotificationRecipient me = find(caller.name());
        NotificationPreference preference = preferenceOf(me.username);
        boolean wasEmailEnabled = preference.emailEnabled;
        List<String> wasMuted = sorted(preference.mutedKinds);
        preference.emailEnabled = request.emailEnabled();
        preference.mutedKinds = request.mutedKinds() == null ? new String[0]
                : request.mutedKinds().stream().distinct().map(Enum::name).toArray(String[]::new);
        preference.persist();
        if (wasEmailEnabled != preference.emailEnabled || !wasMuted.equals(sorted(preference.mutedKinds))) {
            events.preferencesUpdated(me, preference);
        }
        return PreferenceView.of(me, preference);
    }

    /**
     * What a replace may change, the address and duty windows included: a replace that changes none of it
     * publishes nothing. Windows compare as instants, as "+07:00" and "Z" spellings of one time are equal.
     */
    private record RecipientState(String language, String orgUnitCode, List<String> kinds, String email,
            List<List<Instant>> dutyWindows) {

        static RecipientState of(NotificationRecipient recipient) {
            String email = RecipientEmail.<RecipientEmail>findByIdOptional(recipient.username).map(e -> e.email)
                    .orElse(null);
            List<List<Instant>> windows = DutyWindow.<DutyWindow>list("username = ?1 order by startsAt",
                    recipient.username).stream().map(w -> List.of(w.startsAt.toInstant(), w.endsAt.toInstant()))
                    .toList();
            return new RecipientState(recipient.language, recipient.orgUnitCode, sorted(recipient.kinds), email,
                    windows);
        }
    }

    private static List<String> sorted(String[] kinds) {
        return Arrays.stream(kinds).sorted().toList();
    }

    private static NotificationPreference preferenceOf(String username) {
        return NotificationPreference.<NotificationPreference>findByIdOptional(username).orElseGet(() -> {
            NotificationPreference fresh = new NotificationPreference();
            fresh.username = username;
            return fresh;
        });
    }

    private static NotificationRecipient find(String username) {
        return NotificationRecipient.<NotificationRecipient>findByIdOptional(username)
                .orElseThrow(() -> ProblemException.notFound(RECIPIENT, username));
    }

    private void requireManaged(NotificationRecipient recipient) {
        String path = OrgUnit.findByCode(recipient.orgUnitCode).map(u -> u.path).orElse(null);
        caller.requireUnit(recipient.orgUnitCode, path, "username");
    }

    private RecipientView view(NotificationRecipient recipient) {
        String email = RecipientEmail.<RecipientEmail>findByIdOptional(recipient.username).map(e -> e.email).orElse(null);
        return RecipientView.of(recipient, email,
                DutyWindow.list("username = ?1 order by startsAt", recipient.username));
    }
}
