package vn.commops.crisis.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A rule compiled for matching; built once per change of the rules, used for every feedback item. */
public final class RuleMatcher {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private final UUID id;
    private final String name;
    private final int priority;
    private final String topicCode;
    private final Sentiment sentiment;
    private final Boolean falseInformation;
    private final List<Keyword> keywords;
    private final Pattern pattern;

    private record Keyword(String text, Pattern exact, Pattern folded, boolean hasDiacritics) {
    }

    RuleMatcher(UUID id, String name, int priority, MatchKind kind, List<String> keywords, String pattern,
            String topicCode, Sentiment sentiment, Boolean falseInformation) {
        this.id = id;
        this.name = name;
        this.priority = priority;
        this.topicCode = topicCode;
        this.sentiment = sentiment;
        this.falseInformation = falseInformation;
        this.keywords = kind == MatchKind.KEYWORD ? compileKeywords(keywords) : List.of();
        this.pattern = kind == MatchKind.REGEX ? Pattern.compile(pattern, FLAGS) : null;
    }

    static RuleMatcher of(ClassificationRule rule) {
        return new RuleMatcher(rule.id, rule.name, rule.priority, rule.matchKind, rule.keywords, rule.pattern,
                rule.topicCode, rule.sentiment, rule.falseInformation);
    }

    /** Null when the expression is valid, otherwise what is wrong with it. */
    static String problemWith(String regex) {
        try {
            Pattern.compile(regex, FLAGS);
            return null;
        } catch (PatternSyntaxException e) {
            return "not a valid regular expression: " + e.getDescription();
        }
    }

    /** What of the text this rule recognises, if anything. */
    Optional<String> match(RuleText text) {
        if (pattern != null) {
            Matcher exact = pattern.matcher(text.lower());
            if (exact.find()) {
                return Optional.of(exact.group());
            }
            Matcher folded = pattern.matcher(text.folded());
            return folded.find() ? Optional.of(folded.group()) : Optional.empty();
        }
        for (Keyword keyword : keywords) {
            boolean exactly = keyword.hasDiacritics() && text.hasDiacritics();
            if ((exactly ? keyword.exact().matcher(text.lower()) : keyword.folded().matcher(text.folded())).find()) {
                return Optional.of(keyword.text());
            }
        }
        return Optional.empty();
    }

    private static List<Keyword> compileKeywords(List<String> keywords) {
        List<Keyword> compiled = new ArrayList<>();
        for (String keyword : keywords == null ? List.<String>of() : keywords) {
            RuleText text = RuleText.of(keyword);
            if (!text.lower().isEmpty()) {
                compiled.add(new Keyword(keyword.strip(), wholeWords(text.lower()), wholeWords(text.folded()),
                        text.hasDiacritics()));
            }
        }
        return compiled;
    }

    private static Pattern wholeWords(String phrase) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(phrase) + "(?![\\p{L}\\p{N}])", FLAGS);
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    int priority() {
        return priority;
    }

    String topicCode() {
        return topicCode;
    }

    Sentiment sentiment() {
        return sentiment;
    }

    Boolean falseInformation() {
        return falseInformation;
    }
}
