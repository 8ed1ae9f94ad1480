package vn.commops.crisis.answer;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;
import vn.commops.common.security.Roles;
import vn.commops.crisis.feedback.Feedback;

/** Answers owed to people who gave feedback: offices answer for their units, analysts for any. */
@ApplicationScoped
public class AnswerService {

    private final Caller caller;
    private final AnswerEvents events;

    AnswerService(Caller caller, AnswerEvents events) {
        this.caller = caller;
        this.events = events;
    }

    @Transactional
    public AnswerView open(UUID feedbackId, AnswerRequest request) {
        Feedback feedback = answerable(feedbackId);
        OffsetDateTime now = OffsetDateTime.now();
        Answer answer = new Answer();
        answer.id = UUID.randomUUID();
        answer.feedbackId = feedback.id;
        answer.answerBy = request.answerBy();
        answer.createdBy = caller.name();
        answer.createdAt = now;
        if (request.text() != null) {
            answer.text = request.text().strip();
            answer.answeredAt = now;
            answer.answeredBy = caller.name();
        }
        answer.persist();
        events.opened(answer, feedback);
        if (answer.answeredAt != null) {
            events.answered(answer, feedback);
        }
        return AnswerView.of(answer, now);
    }

    @Transactional
    public AnswerView answer(UUID feedbackId, UUID answerId, AnswerTextRequest request) {
        Feedback feedback = answerable(feedbackId);
        Answer answer = Answer.<Answer>find("id = ?1 and feedbackId = ?2", answerId, feedbackId).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Answer", answerId.toString()));
        if (answer.answeredAt != null) {
            throw ProblemException.conflict("already-answered", "answer '" + answerId + "' was given at "
                    + answer.answeredAt + " by " + answer.answeredBy);
        }
        OffsetDateTime now = OffsetDateTime.now();
        answer.text = request.text().strip();
        answer.answeredAt = now;
        answer.answeredBy = caller.name();
        answer.flush();
        events.answered(answer, feedback);
        return AnswerView.of(answer, now);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AnswerView> of(UUID feedbackId) {
        if (Feedback.findById(feedbackId) == null) {
            throw ProblemException.notFound("Feedback", feedbackId.toString());
        }
        OffsetDateTime now = OffsetDateTime.now();
        return Answer.<Answer>list("feedbackId", Sort.ascending("createdAt"), feedbackId).stream()
                .map(a -> AnswerView.of(a, now)).toList();
    }

    /** Answers in a state across all feedback, the most urgent first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<AnswerView> list(AnswerStatus status, PageRequest paging) {
        OffsetDateTime now = OffsetDateTime.now();
        var query = query(status, now).get();
        List<AnswerView> items = query.page(Page.of(paging.page, paging.size)).list().stream()
                .map(a -> AnswerView.of(a, now)).toList();
        return new PageOf<>(items, paging.page, paging.size, query.count());
    }

    /** The list's query as of {@code now}, built when asked: an export runs it in its own transaction. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Supplier<PanacheQuery<Answer>> query(AnswerStatus status, OffsetDateTime now) {
        Sort sort = Sort.ascending("answerBy").and("id");
        return () -> switch (status == null ? AnswerStatus.PENDING : status) {
            case PENDING -> Answer.<Answer>find("answeredAt is null and answerBy >= ?1", sort, now);
            case OVERDUE -> Answer.<Answer>find("answeredAt is null and answerBy < ?1", sort, now);
            case ANSWERED -> Answer.<Answer>find("answeredAt is not null", Sort.descending("answeredAt").and("id"));
        };
    }

    private Feedback answerable(UUID feedbackId) {
        Feedback feedback = Feedback.<Feedback>findByIdOptional(feedbackId)
                .orElseThrow(() -> ProblemException.notFound("Feedback", feedbackId.toString()));
        if (!caller.hasRole(Roles.CRISIS_ANALYST) && !caller.isNationalAdmin()) {
            caller.requireUnit(feedback.orgUnitCode, feedback.orgUnitPath, "feedbackId");
        }
        return feedback;
    }
}
