package vn.commops.indicator.target;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LargestRemainderTest {

    private static List<BigDecimal> numbers(double... values) {
        return java.util.Arrays.stream(values).mapToObj(BigDecimal::valueOf).toList();
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void aWholeNumberSplitsIntoWholeNumbersThatAddUpExactly() {
        List<BigDecimal> shares = LargestRemainder.split(new BigDecimal("100"), Collections.nCopies(3, BigDecimal.ONE));
        assertEquals(List.of(new BigDecimal("34"), new BigDecimal("33"), new BigDecimal("33")), shares);
        List<BigDecimal> months = LargestRemainder.split(new BigDecimal("1000"), Collections.nCopies(12, BigDecimal.ONE));
        assertEquals(new BigDecimal("1000"), sum(months));
        assertEquals(4, months.stream().filter(m -> m.intValue() == 84).count());
        assertEquals(8, months.stream().filter(m -> m.intValue() == 83).count());
    }

    @Test
    void theLeftoverGoesToTheLargestRemainders() {
        // 10 by 1:1:8 would be 1, 1, 8 exactly; by 2:2:3 it is 2.857, 2.857, 4.286 → 3, 3, 4.
        assertEquals(List.of(new BigDecimal("3"), new BigDecimal("3"), new BigDecimal("4")),
                LargestRemainder.split(BigDecimal.TEN, numbers(2, 2, 3)));
        // 7 by 1:2:4 over 0.1 steps: exact 1, 2, 4.
        assertEquals(List.of(new BigDecimal("1"), new BigDecimal("2"), new BigDecimal("4")),
                LargestRemainder.split(new BigDecimal("7"), numbers(1, 2, 4)));
    }

    @Test
    void decimalsKeepTheTotalsPrecision() {
        List<BigDecimal> shares = LargestRemainder.split(new BigDecimal("10.5"), Collections.nCopies(4, BigDecimal.ONE));
        assertEquals(List.of(new BigDecimal("2.7"), new BigDecimal("2.6"), new BigDecimal("2.6"), new BigDecimal("2.6")),
                shares);
    }

    @Test
    void aZeroWeightGetsNothing() {
        assertEquals(List.of(new BigDecimal("0"), new BigDecimal("5")),
                LargestRemainder.split(new BigDecimal("5"), numbers(0, 3)));
    }
}
