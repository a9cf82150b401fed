package dev.queuebench.rundir;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers as the CSV files write them: plain decimals, at most 4 decimal places, no exponent. */
public final class PlainDecimal {
    private static final int DECIMAL_PLACES = 4;

    private PlainDecimal() {
    }

    public static String format(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(DECIMAL_PLACES, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }
}
