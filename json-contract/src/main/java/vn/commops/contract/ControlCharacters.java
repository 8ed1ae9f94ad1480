package vn.commops.contract;

import java.util.Set;

/**
 * The characters a value must not hold, said once for bodies, parameters and headers: C0 controls
 * (NUL above all, which PostgreSQL refuses in text) and unpaired surrogates, which no encoding can
 * store and Java would silently turn into {@code ?}. Free text ({@link #FREE_TEXT_FIELDS}) may hold
 * tab and line breaks; a single-line value (a code, a name, a title, a parameter) may not.
 */
public final class ControlCharacters {

    /** What an OpenAPI {@code pattern} and a {@code @Pattern} say of free text: no C0 control but tab, LF, CR. */
    public static final String TEXT_PATTERN = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F]*$";
    /** A single line: no C0 control at all. */
    public static final String SINGLE_LINE_PATTERN = "^[^\\u0000-\\u001F]*$";

    /**
     * The fields, by JSON name in every service, whose text is prose and may run over several lines;
     * every other text field (codes, names, titles, places, links, handles) is a single line. One list,
     * read by the JSON reader ({@code TextValues}) and written into the API description, so the two agree.
     */
    public static final Set<String> FREE_TEXT_FIELDS = Set.of("description", "objectives", "reason", "text", "brief",
            "outcome");

    private ControlCharacters() {
    }

    public static boolean isFreeText(String field) {
        return FREE_TEXT_FIELDS.contains(field);
    }

    /** Why free text cannot be stored, or null when it can. */
    public static String faultInText(String text) {
        return fault(text, true);
    }

    /** Why a single-line value cannot be stored, or null when it can. */
    public static String faultInLine(String text) {
        return fault(text, false);
    }

    private static String fault(String text, boolean lineBreaksAllowed) {
        if (text == null) {
            return null;
        }
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                if (lineBreaksAllowed && (c == '\t' || c == '\n' || c == '\r')) {
                    continue;
                }
                return String.format("must not contain the control character U+%04X (at character %d)", (int) c, i);
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must not contain an unpaired surrogate (at character " + i + ")";
            }
        }
        return null;
    }
}
