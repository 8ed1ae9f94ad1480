package vn.commops.plan.notification;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A notification's subject and body in the addressee's language, from {@code NotificationTexts_vi} and
 * {@code _en}: {@code <kind>.subject} and {@code <kind>.body}, MessageFormat patterns over the event's facts.
 * The HTML part is the same text, escaped, a paragraph a line.
 */
final class NotificationTexts {

    private static final String BUNDLE = "vn.commops.plan.notification.NotificationTexts";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    record Message(String subject, String text, String html) {
    }

    private NotificationTexts() {
    }

    static Message render(NotificationKind kind, String language, Object... facts) {
        Locale locale = Locale.forLanguageTag("en".equals(language) ? "en" : "vi");
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, NotificationTexts.class.getClassLoader(),
                NO_FALLBACK);
        String key = kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
        Object[] shown = new Object[facts.length];
        for (int i = 0; i < facts.length; i++) {
            shown[i] = facts[i] == null ? "—" : facts[i].toString();
        }
        String subject = new MessageFormat(bundle.getString(key + ".subject"), locale).format(shown);
        String text = new MessageFormat(bundle.getString(key + ".body"), locale).format(shown);
        return new Message(subject, text, html(subject, text));
    }

    private static String html(String subject, String text) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>")
                .append(escape(subject)).append("</title></head><body>");
        for (String line : text.split("\n")) {
            html.append("<p>").append(escape(line)).append("</p>");
        }
        return html.append("</body></html>").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
