package dev.queuebench.report;

import java.util.Locale;

/** How the reports write numbers: a dash for absent ones, milliseconds from microseconds. */
final class Numbers {
    private Numbers() {
    }

    static String millis(double micros) {
        if (Double.isNaN(micros)) {
            return "–";
        }
        double ms = micros / 1000;
        return ms >= 100 ? String.format(Locale.ROOT, "%,.0f", ms) : String.format(Locale.ROOT, "%.1f", ms);
    }

    static String rate(double perSec) {
        if (Double.isNaN(perSec)) {
            return "–";
        }
        return perSec >= 100 ? String.format(Locale.ROOT, "%,.0f", perSec) : String.format(Locale.ROOT, "%.1f", perSec);
    }

    static String pct(double pct) {
        if (Double.isNaN(pct)) {
            return "–";
        }
        return pct != 0 && Math.abs(pct) < 0.1 ? String.format(Locale.ROOT, "%.3f%%", pct)
                : String.format(Locale.ROOT, "%.1f%%", pct);
    }

    static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    static String value(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "–";
        }
        if (Math.abs(value) >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (Math.abs(value) >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String bytes(double bytes) {
        if (Double.isNaN(bytes)) {
            return "–";
        }
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int unit = 0;
        double scaled = bytes;
        while (Math.abs(scaled) >= 1024 && unit < units.length - 1) {
            scaled /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, unit == 0 ? "%.0f %s" : "%.2f %s", scaled, units[unit]);
    }
}
