package vn.commops.indicator.target;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Shares a total out by weights so that the shares add up to the total exactly (Hamilton's largest
 * remainder): every share is first rounded down to the total's precision, then the units left over go
 * one each to the shares that lost most to rounding (the earlier share first on a tie).
 */
final class LargestRemainder {

    private LargestRemainder() {
    }

    /** The precision shares are rounded to: whole numbers for a whole total, else the total's decimals (≤ 4). */
    static int scaleOf(BigDecimal total) {
        return Math.min(4, Math.max(0, total.stripTrailingZeros().scale()));
    }

    /** @param weights non-negative, at least one positive */
    static List<BigDecimal> split(BigDecimal total, List<BigDecimal> weights) {
        BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.signum() <= 0) {
            throw new IllegalArgumentException("no positive weight to share " + total + " by");
        }
        int scale = scaleOf(total);
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        List<BigDecimal> shares = new ArrayList<>();
        List<BigDecimal> remainders = new ArrayList<>();
        BigDecimal given = BigDecimal.ZERO;
        for (BigDecimal weight : weights) {
            BigDecimal exact = total.multiply(weight).divide(sum, scale + 12, RoundingMode.HALF_EVEN);
            BigDecimal floor = exact.setScale(scale, RoundingMode.FLOOR);
            shares.add(floor);
            remainders.add(exact.subtract(floor));
            given = given.add(floor);
        }
        long left = total.setScale(scale, RoundingMode.FLOOR).subtract(given).divide(unit).longValueExact();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> remainders.get(i)).reversed().thenComparing(i -> i));
        for (int k = 0; k < left; k++) {
            int i = order.get(k % order.size());
            shares.set(i, shares.get(i).add(unit));
        }
        return shares;
    }
}
