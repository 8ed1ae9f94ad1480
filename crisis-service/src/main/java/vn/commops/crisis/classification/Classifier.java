package vn.commops.crisis.classification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import vn.commops.crisis.topic.Topic;

/**
 * Applies rules to a text. Rules are tried from the highest priority down; the first matching rule
 * that sets a topic decides the topic, and likewise for sentiment and the false-information flag.
 * Every matching rule is listed, so an analyst sees why.
 */
public final class Classifier {

    private final List<RuleMatcher> rules;

    public Classifier(List<RuleMatcher> rules) {
        this.rules = rules.stream()
                .sorted(Comparator.comparingInt(RuleMatcher::priority).reversed().thenComparing(RuleMatcher::name))
                .toList();
    }

    public Verdict classify(String text) {
        RuleText ruleText = RuleText.of(text);
        String topic = null;
        Sentiment sentiment = null;
        Boolean falseInformation = null;
        List<MatchedRule> matched = new ArrayList<>();
        for (RuleMatcher rule : rules) {
            Optional<String> fragment = rule.match(ruleText);
            if (fragment.isEmpty()) {
                continue;
            }
            List<String> decided = new ArrayList<>();
            if (topic == null && rule.topicCode() != null) {
                topic = rule.topicCode();
                decided.add("topic");
            }
            if (sentiment == null && rule.sentiment() != null) {
                sentiment = rule.sentiment();
                decided.add("sentiment");
            }
            if (falseInformation == null && rule.falseInformation() != null) {
                falseInformation = rule.falseInformation();
                decided.add("falseInformation");
            }
            matched.add(new MatchedRule(rule.id(), rule.name(), rule.priority(), fragment.get(), rule.topicCode(),
                    rule.sentiment(), rule.falseInformation(), List.copyOf(decided)));
        }
        return new Verdict(topic == null ? Topic.OTHER : topic, sentiment == null ? Sentiment.NEUTRAL : sentiment,
                Boolean.TRUE.equals(falseInformation), List.copyOf(matched));
    }
}
