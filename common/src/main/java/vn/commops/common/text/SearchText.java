package vn.commops.common.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds Vietnamese text for search, so "Lào Cai", "lao cai" and "LÀO CAI" all match: the API
 * conventions ask for search with and without diacritics.
 */
public final class SearchText {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /**
     * The clause to follow {@code like :pattern} with a {@link #containsPattern}: without it Hibernate renders
     * {@code escape ''} on PostgreSQL, and the backslashes that make % and _ literal would be literal themselves.
     */
    public static final String LIKE_ESCAPE = " escape '\\'";

    private SearchText() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        // đ is a letter of its own, not d with a mark, so decomposition leaves it alone.
        String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        String bare = COMBINING_MARKS.matcher(decomposed).replaceAll("");
        return SPACES.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /**
     * A LIKE pattern matching the folded text anywhere, with the client's wildcards taken literally; use it with
     * {@link #LIKE_ESCAPE}.
     */
    public static String containsPattern(String query) {
        String folded = fold(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + folded + "%";
    }
}
