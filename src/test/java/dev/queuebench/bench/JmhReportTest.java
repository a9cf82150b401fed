package dev.queuebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.util.SampleBuffer;

class JmhReportTest {
    @Test
    void numbersKeepThreeSignificantDigitsOrWholeNumbers() {
        assertEquals("12,711", JmhReport.number(12_710.6));
        assertEquals("50.65", JmhReport.number(50.654));
        assertEquals("0.007", JmhReport.number(0.0071));
        assertEquals("n/a", JmhReport.number(Double.NaN));
    }

    @Test
    void timeUnitsConvertToMicrosAndRatesDoNot() {
        assertEquals(1e6, JmhReport.microsPer("s/op"));
        assertEquals(1e-3, JmhReport.microsPer("ns/op"));
        assertTrue(Double.isNaN(JmhReport.microsPer("ops/s")));
    }

    @Test
    void percentilesOfSampledSecondsAreShownInMicros() {
        SampleBuffer samples = new SampleBuffer();
        for (long nanos = 1_000; nanos <= 100_000; nanos += 1_000) {
            samples.add(nanos);
        }
        // 100 samples of 1..100 µs; JMH's statistics hold them in the output unit, here seconds, and
        // SampleBuffer keeps each in a bucket of limited precision: hence 99.96 rather than 100.
        String percentiles = JmhReport.percentiles(samples.getStatistics(1e-9), 1e6);
        assertEquals("50.46 / 99.96 / 99.97", percentiles);
    }
}
