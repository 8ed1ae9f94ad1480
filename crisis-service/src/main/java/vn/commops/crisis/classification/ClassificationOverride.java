package vn.commops.crisis.classification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.UUID;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;
import vn.commops.crisis.feedback.Feedback;
import vn.commops.crisis.topic.TopicService;

/** An analyst's decision on one item; recorded with who and why, and kept through later reclassifications. */
@ApplicationScoped
public class ClassificationOverride {

    private final Caller caller;
    private final ClassificationEvents events;

    ClassificationOverride(Caller caller, ClassificationEvents events) {
        this.caller = caller;
        this.events = events;
    }

    @Transactional
    public ClassificationView override(UUID feedbackId, OverrideRequest request) {
        Feedback feedback = Feedback.<Feedback>findByIdOptional(feedbackId)
                .orElseThrow(() -> ProblemException.notFound("Feedback", feedbackId.toString()));
        TopicService.requireKnown(request.topicCode(), "topicCode");
        Classification classification = feedback.classification == null ? new Classification() : feedback.classification;
        classification.topicCode = request.topicCode();
        classification.sentiment = request.sentiment();
        classification.falseInformation = request.falseInformation();
        classification.overridden = true;
        classification.overriddenBy = caller.name();
        classification.overrideReason = request.reason().strip();
        classification.overriddenAt = OffsetDateTime.now();
        classification.classifiedAt = classification.overriddenAt;
        feedback.classification = classification;
        events.classified(feedback, ClassificationEvents.Cause.OVERRIDE);
        return ClassificationView.of(classification);
    }
}
