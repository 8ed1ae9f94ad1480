package vn.commops.indicator.value;

import java.util.HashMap;
import java.util.Map;
import vn.commops.indicator.dataelement.ActivityElement;

/** One unit's activity element sums in a period, by form. */
public final class FormTotals {

    public static final FormTotals NONE = new FormTotals();

    private final Map<String, long[]> byForm = new HashMap<>();

    void add(String form, long[] values) {
        long[] sums = byForm.computeIfAbsent(form, f -> new long[ActivityElement.values().length]);
        for (int i = 0; i < values.length; i++) {
            sums[i] += values[i];
        }
    }

    /** The element summed over one form, or every form when {@code form} is null. */
    public long value(ActivityElement element, String form) {
        if (form != null) {
            long[] sums = byForm.get(form);
            return sums == null ? 0 : sums[element.ordinal()];
        }
        return byForm.values().stream().mapToLong(sums -> sums[element.ordinal()]).sum();
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
