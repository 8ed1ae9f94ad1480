package vn.commops.crisis.topic;

import jakarta.enterprise.context.ApplicationScoped;
import vn.commops.common.event.EventPublisher;

/** The feedback topic taxonomy on {@code feedback-topics}, keyed by topic code; the payload is the topic after the change. */
@ApplicationScoped
public class TopicEvents {

    public static final String TOPIC = "feedback-topics";
    public static final String CREATED = "topic.created";
    public static final String UPDATED = "topic.updated";

    private final EventPublisher publisher;

    TopicEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    void created(TopicView topic) {
        publisher.publish(TOPIC, CREATED, topic.code(), topic);
    }

    void updated(TopicView topic) {
        publisher.publish(TOPIC, UPDATED, topic.code(), topic);
    }
}
