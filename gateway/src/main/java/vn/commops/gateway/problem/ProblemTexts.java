package vn.commops.gateway.problem;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The gateway's problem texts in the client's language, looked up as the services' {@code ProblemTexts}
 * in common looks up theirs (same key scheme, same fallback to the English the call site wrote), over
 * the gateway's own bundle: that class works on common's problem type, which the gateway cannot use.
 */
final class ProblemTexts {

    private static final String BUNDLE = "vn.commops.gateway.problem.ProblemTexts";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private ProblemTexts() {
    }

    /** The type's title, or else the status's generic title, or else as written. */
    static String title(Locale language, String slug, int status, String english) {
        return text(language, slug + ".title").or(() -> text(language, "status." + status + ".title")).orElse(english);
    }

    static String detail(Locale language, String key, String english, Object... values) {
        return text(language, key + ".detail", values).orElse(english);
    }

    /** The wording's own message pattern, or else the message looked up by its English wording, as common does. */
    static String fieldMessage(Locale language, String key, String english, Object... values) {
        return text(language, key + ".message", values).or(() -> text(language, "message." + english)).orElse(english);
    }

    private static Optional<String> text(Locale language, String key, Object... values) {
        ResourceBundle bundle = bundle(language);
        if (bundle == null || !bundle.containsKey(key)) {
            return Optional.empty();
        }
        String pattern = bundle.getString(key);
        if (values.length == 0) {
            // A pattern waiting for values this problem does not carry would show its placeholders.
            return pattern.contains("{0") ? Optional.empty() : Optional.of(pattern);
        }
        return Optional.of(new MessageFormat(pattern, language).format(values));
    }

    private static ResourceBundle bundle(Locale language) {
        try {
            return ResourceBundle.getBundle(BUNDLE, language, ProblemTexts.class.getClassLoader(), NO_FALLBACK);
        } catch (MissingResourceException none) {
            return null;
        }
    }
}
