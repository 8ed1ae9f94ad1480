package vn.commops.crisis.classification;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The active rules, compiled. Intake classifies thousands of items a minute, so the compiled rules are
 * kept; a change through this instance drops them at once, a change through another instance within
 * the refresh interval.
 */
@ApplicationScoped
public class RuleBook {

    private final long refreshMillis;
    private volatile Classifier classifier;
    private volatile long loadedAt;

    RuleBook(@ConfigProperty(name = "commops.crisis.classification.rules-refresh", defaultValue = "PT10S")
            Duration refresh) {
        this.refreshMillis = refresh.toMillis();
    }

    public Classifier classifier() {
        Classifier current = classifier;
        if (current == null || System.currentTimeMillis() - loadedAt > refreshMillis) {
            current = load();
            classifier = current;
            loadedAt = System.currentTimeMillis();
        }
        return current;
    }

    /** The rules as this transaction sees them, bypassing the kept copy. */
    public Classifier load() {
        List<RuleMatcher> rules = ClassificationRule.<ClassificationRule>list("active", true).stream()
                .map(RuleMatcher::of).toList();
        return new Classifier(rules);
    }

    public void invalidate() {
        classifier = null;
    }
}
