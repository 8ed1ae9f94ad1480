package vn.commops.common.privacy;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.commops.common.problem.ProblemException;

/**
 * The phone numbers and e-mail addresses a contact names, in one spelling, so that one person's contacts
 * are found wherever and however they were written ("0912 345 678", "+84 912.345.678").
 */
public final class ContactIdentifiers {

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}0-9._%+-]+@[\\p{L}0-9.-]+\\.[\\p{L}]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 .()-]{6,}[0-9]");
    private static final int SHORTEST_NUMBER = 8;

    private ContactIdentifiers() {
    }

    /** Every identifier found in a free-text contact; empty when it names none (a social-network link). */
    public static Set<String> in(String contact) {
        Set<String> found = new TreeSet<>();
        if (contact == null) {
            return found;
        }
        Matcher email = EMAIL.matcher(contact);
        while (email.find()) {
            found.add(email.group().toLowerCase(Locale.ROOT));
        }
        String withoutEmails = EMAIL.matcher(contact).replaceAll(" ");
        Matcher phone = PHONE.matcher(withoutEmails);
        while (phone.find()) {
            phoneNumber(phone.group()).ifPresent(found::add);
        }
        return found;
    }

    /** The one identifier a request names (a phone number or an e-mail address), if it is one. */
    public static Optional<String> of(String identifier) {
        if (identifier == null || identifier.isBlank()) {
            return Optional.empty();
        }
        String stripped = identifier.strip();
        if (EMAIL.matcher(stripped).matches()) {
            return Optional.of(stripped.toLowerCase(Locale.ROOT));
        }
        return PHONE.matcher(stripped).matches() ? phoneNumber(stripped) : Optional.empty();
    }

    /** The identifier a request's {@code identifier} field names, in its one spelling, or a 422 naming the field. */
    public static String required(String written) {
        return of(written).orElseThrow(() -> ProblemException.invalidField("not-an-identifier", "identifier",
                "must be a phone number or an e-mail address"));
    }

    /** Digits only, with Viet Nam's country code written as the national trunk prefix 0. */
    private static Optional<String> phoneNumber(String written) {
        String digits = written.replaceAll("[^0-9]", "");
        if (written.strip().startsWith("+84") || (digits.startsWith("84") && digits.length() == 11)) {
            digits = "0" + digits.substring(2);
        }
        return digits.length() < SHORTEST_NUMBER ? Optional.empty() : Optional.of(digits);
    }
}
