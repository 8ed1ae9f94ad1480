package vn.commops.contract.problem;

import java.util.List;
import java.util.Locale;

/**
 * The language a client reads problems in, from its Accept-Language header (q-values honoured).
 * Vietnamese unless the client prefers English: the agency's staff read Vietnamese. The choice is
 * made exactly as Hibernate Validator's locale resolver makes it in Quarkus (the supported locales
 * are {@code quarkus.locales}), so a problem's title and its field messages never disagree. It
 * lives here rather than in {@code common} so that the gateway, which must not depend on common,
 * answers its own problems in the language the services would.
 */
public final class ProblemLanguage {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    public static final Locale ENGLISH = Locale.ENGLISH;
    /** Kept in step with {@code quarkus.locales} in common's microprofile-config.properties. */
    static final List<Locale> SUPPORTED = List.of(VIETNAMESE, Locale.forLanguageTag("vi-VN"), ENGLISH,
            Locale.forLanguageTag("en-US"), Locale.forLanguageTag("en-GB"));

    private ProblemLanguage() {
    }

    /** vi or en; Vietnamese for no header, an unreadable one, or one naming neither language. */
    public static Locale of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return VIETNAMESE;
        }
        try {
            List<Locale> acceptable = Locale.filter(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return acceptable.isEmpty() || !"en".equals(acceptable.get(0).getLanguage()) ? VIETNAMESE : ENGLISH;
        } catch (IllegalArgumentException malformed) {
            return VIETNAMESE;
        }
    }

    /** The Content-Language value of a problem in this language. */
    public static String tag(Locale language) {
        return language.getLanguage();
    }
}
