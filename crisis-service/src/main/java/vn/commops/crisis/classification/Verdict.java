package vn.commops.crisis.classification;

import java.util.List;

/** What the rules concluded about one text. */
public record Verdict(String topicCode, Sentiment sentiment, boolean falseInformation, List<MatchedRule> matchedRules) {
}
