package vn.commops.crisis.classification;

import java.text.Normalizer;
import java.util.Locale;
import vn.commops.common.text.SearchText;

/**
 * A text as rules see it: lower case with its diacritics, and folded without them. Text typed with
 * diacritics is matched exactly, so "tệ" does not match "y tế"; text typed without is matched folded.
 */
record RuleText(String lower, String folded, boolean hasDiacritics) {

    static RuleText of(String text) {
        String lower = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        String folded = SearchText.fold(lower);
        return new RuleText(lower, folded, !lower.equals(folded));
    }
}
