package vn.commops.crisis.signal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The usual volume of a series for a window of the week, from its own history: the median of the same
 * window in the previous weeks and of its neighbours, with a spread from the median absolute deviation
 * (robust to last month's crisis in the history), floored by Poisson noise so a quiet series is not
 * alarmed by a handful of items.
 *
 * <p>{@code history[i]} is the count of the window i windows before the current one's end, so
 * {@code history[0]} is the current window; {@code windowsPerWeek} windows make a week.
 */
public record SeasonalBaseline(double median, double spread, int samples) {

    private static final double MAD_TO_SIGMA = 1.4826;

    /** The baseline for the window {@code ahead} windows after the current one (0: the current one). */
    public static SeasonalBaseline of(long[] history, int windowsPerWeek, int weeks, int neighbours, int ahead) {
        List<Long> samples = new ArrayList<>();
        for (int week = 1; week <= weeks; week++) {
            for (int offset = -neighbours; offset <= neighbours; offset++) {
                int index = week * windowsPerWeek - ahead + offset;
                if (index >= 1 && index < history.length) {
                    samples.add(history[index]);
                }
            }
        }
        if (samples.isEmpty()) {
            return new SeasonalBaseline(0, 1, 0);
        }
        double median = median(samples.stream().mapToDouble(Long::doubleValue).toArray());
        double mad = median(samples.stream().mapToDouble(s -> Math.abs(s - median)).toArray());
        double spread = Math.max(MAD_TO_SIGMA * mad, Math.sqrt(Math.max(median, 1)));
        return new SeasonalBaseline(median, spread, samples.size());
    }

    /** How many spreads above the usual this volume is. */
    public double score(long volume) {
        return (volume - median) / spread;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
