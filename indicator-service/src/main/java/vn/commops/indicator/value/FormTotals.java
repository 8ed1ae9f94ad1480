package vn.commops.indicator.value;

import java.util.HashMap;
import java.util.Map;
import vn.commops.indicator.dataelement.ActivityElement;

/**
 * One unit's activity element sums in a period, by form, with those of the activities that reported a
 * cost apart: cost figures are computed over those alone; and the breakdown categories its indicators read.
 */
public final class FormTotals {

    public static final FormTotals NONE = new FormTotals();

    private final Map<String, long[]> byForm = new HashMap<>();
    private final Map<String, long[]> costedByForm = new HashMap<>();
    /** Breakdown counts by form, then by "ELEMENT|dimension|category". */
    private final Map<String, Map<String, Long>> breakdownsByForm = new HashMap<>();

    void addBreakdown(String form, String count, long value) {
        breakdownsByForm.computeIfAbsent(form, f -> new HashMap<>()).merge(count, value, Long::sum);
    }

    /** One category of a split element over one form, or every form when {@code form} is null. */
    public long breakdownValue(String element, String form, String dimension, String category) {
        String count = element + "|" + dimension + "|" + category;
        if (form != null) {
            return breakdownsByForm.getOrDefault(form, Map.of()).getOrDefault(count, 0L);
        }
        return breakdownsByForm.values().stream().mapToLong(counts -> counts.getOrDefault(count, 0L)).sum();
    }

    void add(String form, boolean costed, long[] values) {
        add(byForm, form, values);
        if (costed) {
            add(costedByForm, form, values);
        }
    }

    private static void add(Map<String, long[]> sums, String form, long[] values) {
        long[] total = sums.computeIfAbsent(form, f -> new long[ActivityElement.values().length]);
        for (int i = 0; i < values.length; i++) {
            total[i] += values[i];
        }
    }

    /** The element summed over one form, or every form when {@code form} is null. */
    public long value(ActivityElement element, String form) {
        return value(byForm, element, form);
    }

    /** The same over the activities that reported a cost only. */
    public long costedValue(ActivityElement element, String form) {
        return value(costedByForm, element, form);
    }

    /** Activities of one form, or every form when {@code form} is null, that reported no cost: what cost figures leave out. */
    public long uncostedActivities(String form) {
        return value(ActivityElement.ACTIVITY_COUNT, form) - costedValue(ActivityElement.ACTIVITY_COUNT, form);
    }

    private static long value(Map<String, long[]> sums, ActivityElement element, String form) {
        if (form != null) {
            long[] total = sums.get(form);
            return total == null ? 0 : total[element.ordinal()];
        }
        return sums.values().stream().mapToLong(total -> total[element.ordinal()]).sum();
    }

    /** Activities held, by form: the evidence behind a figure. */
    public Map<String, Long> activitiesByForm() {
        Map<String, Long> counts = new HashMap<>();
        byForm.forEach((form, sums) -> {
            if (sums[ActivityElement.ACTIVITY_COUNT.ordinal()] != 0) {
                counts.put(form, sums[ActivityElement.ACTIVITY_COUNT.ordinal()]);
            }
        });
        return counts;
    }
}
