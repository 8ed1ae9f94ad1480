package vn.commops.common.event;

import java.util.function.BiConsumer;

/**
 * The events of one outbox row written in bulk ({@code outbox_event.events}): one line per event,
 * its Kafka key, a tab and its envelope, in the order they are to be sent. JSON as Jackson writes it
 * holds no raw tab or line break, so neither separator needs escaping.
 */
public final class OutboxBatch {

    private final StringBuilder lines;
    private int count;

    public OutboxBatch(int expectedEvents) {
        this.lines = new StringBuilder(Math.max(16, expectedEvents) * 1024);
    }

    public OutboxBatch add(String key, String envelope) {
        if (key.indexOf('\t') >= 0 || key.indexOf('\n') >= 0 || envelope.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("An outbox line cannot hold a line break, nor a key a tab: " + key);
        }
        if (count > 0) {
            lines.append('\n');
        }
        lines.append(key).append('\t').append(envelope);
        count++;
        return this;
    }

    public int count() {
        return count;
    }

    public String text() {
        return lines.toString();
    }

    /** Calls {@code each} with the key and envelope of every event of a stored batch, in order. */
    public static void forEach(String events, BiConsumer<String, String> each) {
        int start = 0;
        int length = events.length();
        while (start < length) {
            int end = events.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            int tab = events.indexOf('\t', start);
            if (tab < 0 || tab > end) {
                throw new IllegalStateException("An outbox batch line has no key: " + events.substring(start, Math.min(end, start + 80)));
            }
            each.accept(events.substring(start, tab), events.substring(tab + 1, end));
            start = end + 1;
        }
    }
}
