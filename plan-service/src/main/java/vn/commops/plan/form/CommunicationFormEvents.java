package vn.commops.plan.form;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import vn.commops.common.event.EventPublisher;

/**
 * Catalogue facts on {@code communication-forms}, keyed by the form's code. Every event carries the
 * form's whole state, so a replica upserts it whatever the type, moving forward in {@code version}.
 */
@ApplicationScoped
public class CommunicationFormEvents {

    public static final String TOPIC = "communication-forms";
    public static final String ADDED = "communication-form.added";
    public static final String CHANGED = "communication-form.changed";
    public static final String RETIRED = "communication-form.retired";

    private final EventPublisher publisher;

    CommunicationFormEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    public record FormState(String code, ChannelFamily channel, String nameVi, String nameEn,
            List<String> requiredFigures, boolean retired, int version, String actor) {
    }

    void added(CommunicationForm form, String actor) {
        publish(ADDED, form, actor);
    }

    void changed(CommunicationForm form, String actor) {
        publish(CHANGED, form, actor);
    }

    void retired(CommunicationForm form, String actor) {
        publish(RETIRED, form, actor);
    }

    private void publish(String type, CommunicationForm form, String actor) {
        publisher.publish(TOPIC, type, form.code, new FormState(form.code, form.channel, form.nameVi, form.nameEn,
                List.of(form.requiredFigures), form.retired, form.version, actor));
    }
}
