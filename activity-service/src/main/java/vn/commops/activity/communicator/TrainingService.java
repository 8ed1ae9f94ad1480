package vn.commops.activity.communicator;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.commops.activity.activity.AgencyDay;
import vn.commops.activity.communicator.CommunicatorViews.ParticipantRequest;
import vn.commops.activity.communicator.CommunicatorViews.TrainingRequest;
import vn.commops.activity.communicator.CommunicatorViews.TrainingView;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.orgunit.KnownOrgUnit;
import vn.commops.common.problem.Problem;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;

/** Trainings: given by a registered key lecturer, with hours, attendance and certificates that expire. */
@ApplicationScoped
public class TrainingService {

    public record Recorded(TrainingView training, boolean isNew) {
    }

    private final Caller caller;
    private final CommunicatorEvents events;
    private final CommunicatorsConfig config;

    TrainingService(Caller caller, CommunicatorEvents events, CommunicatorsConfig config) {
        this.caller = caller;
        this.events = events;
        this.config = config;
    }

    @Transactional
    public Recorded record(TrainingRequest request) {
        KnownOrgUnit unit = CommunicatorService.unit(request.orgUnitCode(), "orgUnitCode");
        caller.requireUnit(unit.code, unit.path, "orgUnitCode");
        if (request.clientId() != null) {
            Training first = Training.find("clientId", request.clientId()).firstResult();
            if (first != null) {
                return new Recorded(retry(first, request), false);
            }
        }
        check(request);
        Training training = new Training();
        training.id = UUID.randomUUID();
        training.clientId = request.clientId();
        training.topic = request.topic().strip();
        training.kind = request.kind();
        training.lecturerId = request.lecturerId();
        training.orgUnitCode = unit.code;
        training.heldOn = request.heldOn();
        training.hours = request.hours();
        for (ParticipantRequest given : request.participants()) {
            Participant participant = new Participant();
            participant.communicatorId = given.communicatorId();
            participant.attended = given.hasAttended();
            if (given.certificateNumber() != null) {
                participant.certificateNumber = given.certificateNumber();
                participant.certificateIssuedOn = given.certificateIssuedOn() == null ? request.heldOn()
                        : given.certificateIssuedOn();
                participant.certificateValidUntil = participant.certificateIssuedOn
                        .plus(config.certificates().validity(request.kind()));
            }
            training.participants.add(participant);
        }
        training.createdAt = OffsetDateTime.now();
        training.persist();
        events.trainingRecorded(training);
        return new Recorded(TrainingView.of(training), true);
    }

    /** A retry returns the first recording; the same clientId on another training is a client's mistake. */
    private static TrainingView retry(Training first, TrainingRequest request) {
        boolean same = first.heldOn.equals(request.heldOn()) && first.kind == request.kind()
                && request.lecturerId().equals(first.lecturerId) && first.hours.compareTo(request.hours()) == 0
                && first.participants.stream().map(p -> p.communicatorId).collect(Collectors.toSet())
                        .equals(request.participants().stream().map(ParticipantRequest::communicatorId)
                                .collect(Collectors.toSet()));
        if (!same) {
            throw new ProblemException(409, "client-id-reused", "Client id names another training",
                    "clientId " + request.clientId() + " names a training with other content",
                    List.of(new Problem.FieldError("clientId", "names another training")));
        }
        return TrainingView.of(first);
    }

    /** Every rule the request breaks, named by field, before anything is stored. */
    private void check(TrainingRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        // Recorded once held: a date ahead would also carry a certificate's expiry past any calendar.
        LocalDate today = LocalDate.now(AgencyDay.ZONE);
        if (request.heldOn().isAfter(today)) {
            errors.add(new Problem.FieldError("heldOn", "must not be in the future"));
        }
        Set<UUID> named = new HashSet<>();
        named.add(request.lecturerId());
        request.participants().forEach(p -> named.add(p.communicatorId()));
        Map<UUID, Communicator> known = Communicator.<Communicator>list("id in ?1", named).stream()
                .collect(Collectors.toMap(c -> c.id, Function.identity()));
        Communicator lecturer = known.get(request.lecturerId());
        if (lecturer == null) {
            errors.add(new Problem.FieldError("lecturerId", "no communicator with this id"));
        } else if (lecturer.kind != Communicator.Kind.KEY_LECTURER) {
            errors.add(new Problem.FieldError("lecturerId", "not a registered key lecturer"));
        } else if (!lecturer.isActive()) {
            errors.add(new Problem.FieldError("lecturerId", "the key lecturer is deactivated"));
        }
        Set<UUID> seen = new HashSet<>();
        Map<String, Integer> numbers = new HashMap<>();
        for (int i = 0; i < request.participants().size(); i++) {
            ParticipantRequest participant = request.participants().get(i);
            String at = "participants[" + i + "].";
            if (!known.containsKey(participant.communicatorId())) {
                errors.add(new Problem.FieldError(at + "communicatorId", "no communicator with this id"));
            } else if (!seen.add(participant.communicatorId())) {
                errors.add(new Problem.FieldError(at + "communicatorId", "named twice"));
            }
            if (participant.certificateNumber() == null) {
                if (participant.certificateIssuedOn() != null) {
                    errors.add(new Problem.FieldError(at + "certificateIssuedOn", "given without a certificate number"));
                }
                continue;
            }
            if (!participant.hasAttended()) {
                errors.add(new Problem.FieldError(at + "certificateNumber", "only an attendee is certified"));
            }
            if (participant.certificateIssuedOn() != null && participant.certificateIssuedOn().isBefore(request.heldOn())) {
                errors.add(new Problem.FieldError(at + "certificateIssuedOn", "before the training was held"));
            } else if (participant.certificateIssuedOn() != null && participant.certificateIssuedOn().isAfter(today)) {
                errors.add(new Problem.FieldError(at + "certificateIssuedOn", "must not be in the future"));
            }
            if (numbers.putIfAbsent(participant.certificateNumber(), i) != null) {
                errors.add(new Problem.FieldError(at + "certificateNumber", "named twice"));
            }
        }
        if (!numbers.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<String> taken = Training.getEntityManager().createNativeQuery("select certificate_number "
                    + "from training_attendee where certificate_number = any(cast(:numbers as text[]))")
                    .setParameter("numbers", numbers.keySet().toArray(String[]::new)).getResultList();
            taken.forEach(number -> errors.add(new Problem.FieldError("participants[" + numbers.get(number)
                    + "].certificateNumber", "already given on another training")));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "invalid-training", "Training cannot be recorded",
                    "The training breaks rules named in errors; nothing was stored", errors);
        }
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
    public PageOf<TrainingView> trainings(String orgUnit, UUID attendee, UUID lecturer, PageRequest paging) {
        PanacheQuery<Training> query = query(orgUnit, attendee, lecturer);
        List<TrainingView> items = query.page(Page.of(paging.page, paging.size)).list().stream()
                .map(TrainingView::of).toList();
        return new PageOf<>(items, paging.page, paging.size, query.count());
    }

    /** The list's query unpaged, for an export: the same filters and order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PanacheQuery<Training> query(String orgUnit, UUID attendee, UUID lecturer) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (orgUnit != null) {
            conditions.add("orgUnitCode = :unit");
            parameters.put("unit", orgUnit);
        }
        if (attendee != null) {
            conditions.add("id in (select t.id from Training t join t.participants p where p.communicatorId = :attendee)");
            parameters.put("attendee", attendee);
        }
        if (lecturer != null) {
            conditions.add("lecturerId = :lecturer");
            parameters.put("lecturer", lecturer);
        }
        return Training.find(conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions),
                Sort.descending("heldOn").and("id"), parameters);
    }
}
