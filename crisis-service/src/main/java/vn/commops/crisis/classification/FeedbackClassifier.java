package vn.commops.crisis.classification;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import vn.commops.crisis.feedback.Feedback;
import vn.commops.crisis.feedback.FeedbackEnrichment;

/** Classifies each new feedback item by the current rules as it is taken in. */
@ApplicationScoped
public class FeedbackClassifier implements FeedbackEnrichment {

    private final RuleBook rules;

    FeedbackClassifier(RuleBook rules) {
        this.rules = rules;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void enrich(Feedback feedback) {
        classify(feedback, rules.classifier());
    }

    /** Applies the rules unless an analyst has decided; true when something changed. */
    static boolean classify(Feedback feedback, Classifier classifier) {
        if (feedback.classification == null) {
            feedback.classification = new Classification();
        }
        if (feedback.classification.overridden) {
            return false;
        }
        Verdict verdict = classifier.classify(feedback.text);
        Classification current = feedback.classification;
        boolean changed = !verdict.topicCode().equals(current.topicCode) || verdict.sentiment() != current.sentiment
                || verdict.falseInformation() != current.falseInformation
                || !verdict.matchedRules().equals(current.matchedRules);
        if (changed || current.classifiedAt == null) {
            current.apply(verdict, OffsetDateTime.now());
        }
        return changed;
    }
}
