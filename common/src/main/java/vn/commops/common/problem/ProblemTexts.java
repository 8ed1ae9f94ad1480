package vn.commops.common.problem;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * Problem titles, details and field messages in the client's language. Texts are looked up by the
 * problem type's slug ({@code not-found.title}) and, for field messages, by their English wording
 * ({@code message.must not be blank}); what the bundle lacks stays in English as the call site wrote
 * it, so a new problem reads correctly before anyone translates it. Type URNs and field names never
 * change with the language.
 */
public final class ProblemTexts {

    private static final String BUNDLE = "vn.commops.common.problem.ProblemTexts";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private ProblemTexts() {
    }

    /** The title of a problem type; in Vietnamese, the status's generic title when the type has none of its own. */
    public static String title(Locale language, String slug, int status, String english, Object... args) {
        return text(language, slug + ".title", args)
                .or(() -> text(language, "status." + status + ".title"))
                .orElse(english);
    }

    public static String detail(Locale language, String slug, String english, Object... args) {
        return text(language, slug + ".detail", args).orElse(english);
    }

    /** A field message ("must not be blank") in the client's language, or as written. */
    public static String fieldMessage(Locale language, String english) {
        return english == null ? null : text(language, "message." + english).orElse(english);
    }

    public static List<Problem.FieldError> fieldErrors(Locale language, List<Problem.FieldError> errors) {
        return errors.stream().map(e -> new Problem.FieldError(e.field(), fieldMessage(language, e.message())))
                .toList();
    }

    /** "field: message; field: message", the detail of a problem that is its field errors. */
    public static String joined(List<Problem.FieldError> errors) {
        return errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
    }

    /** A name the bundle knows in this language ("Plan" is "kế hoạch"), or as given. */
    static Object noun(Locale language, Object english) {
        return english instanceof String name ? text(language, "noun." + name).orElse(name) : english;
    }

    private static Optional<String> text(Locale language, String key, Object... args) {
        ResourceBundle bundle = bundle(language);
        if (bundle == null || !bundle.containsKey(key)) {
            return Optional.empty();
        }
        String pattern = bundle.getString(key);
        if (args.length == 0) {
            // A pattern waiting for values this problem does not carry would show its placeholders.
            return pattern.contains("{0") ? Optional.empty() : Optional.of(pattern);
        }
        Object[] named = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            named[i] = noun(language, args[i]);
        }
        return Optional.of(new MessageFormat(pattern, language).format(named));
    }

    private static ResourceBundle bundle(Locale language) {
        try {
            return ResourceBundle.getBundle(BUNDLE, language, ProblemTexts.class.getClassLoader(), NO_FALLBACK);
        } catch (MissingResourceException none) {
            return null;
        }
    }
}
