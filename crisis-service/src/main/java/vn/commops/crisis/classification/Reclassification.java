package vn.commops.crisis.classification;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.crisis.feedback.Feedback;

/**
 * Applies the current rules again to recent feedback, so early warning and lists follow a rule change.
 * Items an analyst classified by hand keep the analyst's decision.
 */
@ApplicationScoped
public class Reclassification {

    private static final int PAGE = 500;

    private final RuleBook rules;
    private final ClassificationEvents events;
    private final Duration window;

    Reclassification(RuleBook rules, ClassificationEvents events,
            @ConfigProperty(name = "commops.crisis.classification.reclassify-window", defaultValue = "P7D")
            Duration window) {
        this.rules = rules;
        this.events = events;
        this.window = window;
    }

    public OffsetDateTime defaultSince() {
        return OffsetDateTime.now().minus(window);
    }

    /** Reclassifies feedback received since then; returns how many items changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Result reclassify(OffsetDateTime since) {
        Panache.getEntityManager().flush();
        Classifier classifier = rules.load();
        int examined = 0;
        int changed = 0;
        for (int page = 0; ; page++) {
            List<Feedback> items = Feedback.<Feedback>find("receivedAt >= ?1 and classification.overridden = false",
                    Sort.ascending("receivedAt").and("id"), since).page(Page.of(page, PAGE)).list();
            for (Feedback feedback : items) {
                examined++;
                if (FeedbackClassifier.classify(feedback, classifier)) {
                    events.classified(feedback, ClassificationEvents.Cause.RULES);
                    changed++;
                }
            }
            // Keeps the persistence context small however much feedback the window holds.
            Panache.getEntityManager().flush();
            Panache.getEntityManager().clear();
            if (items.size() < PAGE) {
                break;
            }
        }
        rules.invalidate();
        return new Result(since, examined, changed);
    }

    @Schema(name = "ReclassificationResult")
    public record Result(OffsetDateTime since,
            @Schema(examples = "1840") int examined,
            @Schema(examples = "37") int changed) {
    }
}
