package vn.commops.activity.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * ISO-8601 date-times in the shapes clients and services actually exchange, read and written
 * without {@link java.time.format.DateTimeFormatter}, whose general machinery (a map of parsed
 * fields, a resolver) made the two times of an activity cost more than the rest of its JSON.
 * Each method answers exactly what the formatter would, or {@code null} when the text or the
 * value is of a rarer shape, for the caller to hand to the formatter.
 */
public final class IsoDateTimes {

    private IsoDateTimes() {
    }

    /**
     * What {@code OffsetDateTime.parse(text, ISO_OFFSET_DATE_TIME)} gives for
     * {@code yyyy-MM-ddTHH:mm[:ss[.f…]](Z|±HH:MM)}; null for any other shape or an impossible date.
     */
    public static OffsetDateTime parseOffsetDateTime(CharSequence text) {
        int length = text.length();
        if (length < 17 || !digits(text, 0, 4) || text.charAt(4) != '-' || !digits(text, 5, 2) || text.charAt(7) != '-'
                || !digits(text, 8, 2) || (text.charAt(10) != 'T' && text.charAt(10) != 't') || !digits(text, 11, 2)
                || text.charAt(13) != ':' || !digits(text, 14, 2)) {
            return null;
        }
        int position = 16;
        int second = 0;
        int nano = 0;
        if (position < length && text.charAt(position) == ':') {
            if (position + 3 > length || !digits(text, position + 1, 2)) {
                return null;
            }
            second = number(text, position + 1, 2);
            position += 3;
            if (position < length && text.charAt(position) == '.') {
                int start = ++position;
                while (position < length && position - start < 9 && isDigit(text.charAt(position))) {
                    nano = nano * 10 + text.charAt(position++) - '0';
                }
                int count = position - start;
                if (count == 0 || (position < length && isDigit(text.charAt(position)))) {
                    return null;
                }
                for (int i = count; i < 9; i++) {
                    nano *= 10;
                }
            }
        }
        ZoneOffset offset = offset(text, position, length);
        if (offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(number(text, 0, 4), number(text, 5, 2), number(text, 8, 2), number(text, 11, 2),
                    number(text, 14, 2), second, nano, offset);
        } catch (DateTimeException impossible) {
            return null;
        }
    }

    /** What {@code ISO_OFFSET_DATE_TIME.format(value)} gives, for years 0 to 9999; null for others. */
    public static String formatOffsetDateTime(OffsetDateTime value) {
        LocalDateTime local = value.toLocalDateTime();
        if (local.getYear() < 0 || local.getYear() > 9999) {
            return null;
        }
        StringBuilder text = new StringBuilder(35);
        appendLocal(text, local.getYear(), local.getMonthValue(), local.getDayOfMonth(), local.getHour(),
                local.getMinute(), local.getSecond());
        int nano = local.getNano();
        if (nano != 0) {
            int digits = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                digits--;
            }
            text.append('.');
            appendPadded(text, nano, digits);
        }
        return text.append(value.getOffset().getId()).toString();
    }

    /** Appends what {@code instant.toString()} gives (ISO_INSTANT: fractions in groups of three digits). */
    public static StringBuilder appendInstant(StringBuilder text, Instant instant) {
        long seconds = instant.getEpochSecond();
        // 0000-01-01T00:00:00Z to 9999-12-31T23:59:59Z; beyond, ISO_INSTANT signs the year.
        if (seconds < -62_167_219_200L || seconds > 253_402_300_799L) {
            return text.append(instant);
        }
        long days = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        LocalDate date = LocalDate.ofEpochDay(days);
        appendLocal(text, date.getYear(), date.getMonthValue(), date.getDayOfMonth(), secondOfDay / 3600,
                secondOfDay / 60 % 60, secondOfDay % 60);
        int nano = instant.getNano();
        if (nano != 0) {
            text.append('.');
            if (nano % 1_000_000 == 0) {
                appendPadded(text, nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                appendPadded(text, nano / 1000, 6);
            } else {
                appendPadded(text, nano, 9);
            }
        }
        return text.append('Z');
    }

    private static void appendLocal(StringBuilder text, int year, int month, int day, int hour, int minute, int second) {
        appendPadded(text, year, 4);
        appendPadded(text.append('-'), month, 2);
        appendPadded(text.append('-'), day, 2);
        appendPadded(text.append('T'), hour, 2);
        appendPadded(text.append(':'), minute, 2);
        appendPadded(text.append(':'), second, 2);
    }

    private static void appendPadded(StringBuilder text, int value, int width) {
        switch (width) {
            case 2 -> text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
            case 4 -> text.append((char) ('0' + value / 1000)).append((char) ('0' + value / 100 % 10))
                    .append((char) ('0' + value / 10 % 10)).append((char) ('0' + value % 10));
            default -> {
                String digits = Integer.toString(value);
                for (int i = digits.length(); i < width; i++) {
                    text.append('0');
                }
                text.append(digits);
            }
        }
    }

    /** Z, z, or ±HH:MM ending the text; null for anything else (±HH, ±HHMM, seconds: the formatter's). */
    private static ZoneOffset offset(CharSequence text, int position, int length) {
        if (position == length - 1 && (text.charAt(position) == 'Z' || text.charAt(position) == 'z')) {
            return ZoneOffset.UTC;
        }
        if (position != length - 6 || text.charAt(position + 3) != ':' || !digits(text, position + 1, 2)
                || !digits(text, position + 4, 2)) {
            return null;
        }
        char sign = text.charAt(position);
        if (sign != '+' && sign != '-') {
            return null;
        }
        int hours = number(text, position + 1, 2);
        int minutes = number(text, position + 4, 2);
        if (minutes > 59) {
            return null;
        }
        try {
            return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    private static boolean digits(CharSequence text, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int number(CharSequence text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + text.charAt(i) - '0';
        }
        return value;
    }
}
