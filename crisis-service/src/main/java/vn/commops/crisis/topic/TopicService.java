package vn.commops.crisis.topic;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.api.IfMatch;

/** Keeps the taxonomy: topics are added and renamed or retired, never deleted, since feedback refers to them. */
@ApplicationScoped
public class TopicService {

    private final TopicEvents events;

    TopicService(TopicEvents events) {
        this.events = events;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TopicView> list(Boolean active) {
        List<Topic> topics = active == null ? Topic.listAll(Sort.ascending("code"))
                : Topic.list("active", Sort.ascending("code"), active);
        return topics.stream().map(TopicView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TopicView get(String code) {
        return TopicView.of(require(code));
    }

    @Transactional
    public TopicView create(TopicRequest request) {
        if (request.code() == null) {
            throw ProblemException.badRequest("validation", "code", "must not be null");
        }
        if (Topic.findById(request.code()) != null) {
            throw ProblemException.conflict("topic-exists", "topic '" + request.code() + "' already exists");
        }
        Topic topic = new Topic();
        topic.code = request.code();
        topic.createdAt = OffsetDateTime.now();
        apply(topic, request);
        topic.persist();
        TopicView view = TopicView.of(topic);
        events.created(view);
        return view;
    }

    @Transactional
    public TopicView update(String code, TopicRequest request, Integer expectedVersion) {
        Topic topic = require(code);
        IfMatch.check(expectedVersion, topic.version, "topic '" + code + "'");
        apply(topic, request);
        // Flushed now so the answer carries the version the client must send back next time.
        topic.flush();
        TopicView view = TopicView.of(topic);
        events.updated(view);
        return view;
    }

    /** The topic with this code, or 422 naming the field that referred to it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public static Topic requireKnown(String code, String field) {
        Topic topic = Topic.findById(code);
        if (topic == null) {
            throw ProblemException.invalidField("unknown-topic", field, "no topic '" + code + "'");
        }
        return topic;
    }

    private static Topic require(String code) {
        return Topic.<Topic>findByIdOptional(code).orElseThrow(() -> ProblemException.notFound("Topic", code));
    }

    private static void apply(Topic topic, TopicRequest request) {
        topic.nameVi = request.nameVi().strip();
        topic.nameEn = request.nameEn().strip();
        topic.description = request.description();
        topic.active = request.active() == null || request.active();
        topic.updatedAt = OffsetDateTime.now();
    }
}
