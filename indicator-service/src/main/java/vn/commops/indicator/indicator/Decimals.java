package vn.commops.indicator.indicator;

import java.math.BigDecimal;

/** Decimals as people write them: 100, not 1E+2 or 100.000000. */
public final class Decimals {

    private Decimals() {
    }

    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
