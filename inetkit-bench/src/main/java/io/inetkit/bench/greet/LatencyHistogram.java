package io.inetkit.bench.greet;

/**
 * Fixed log-linear histogram of nanosecond values (HdrHistogram-like, no dependency):
 * exact below 256 ns, then 128 sub-buckets per power of two, so a percentile is within
 * 0.4% of the true value. Not thread-safe; merge per-thread histograms instead.
 */
final class LatencyHistogram {

    private static final int SUB = 128;
    private final long[] counts = new long[256 + 56 * SUB];
    private long total;

    void record(long nanos) {
        counts[index(Math.max(0, nanos))]++;
        total++;
    }

    long count() {
        return total;
    }

    /** The value at quantile q (0..1), in nanoseconds; 0 when empty. */
    long percentile(double q) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return valueOf(i);
            }
        }
        return valueOf(counts.length - 1);
    }

    private static int index(long v) {
        if (v < 256) {
            return (int) v;
        }
        int shift = 63 - Long.numberOfLeadingZeros(v) - 7; // v >> shift is in [128, 256)
        int i = 256 + (shift - 1) * SUB + (int) ((v >> shift) - SUB);
        return Math.min(i, 256 + 56 * SUB - 1);
    }

    private static long valueOf(int index) {
        if (index < 256) {
            return index;
        }
        int shift = (index - 256) / SUB + 1;
        long mantissa = (index - 256) % SUB + SUB;
        return (mantissa << shift) + (1L << shift) / 2; // middle of the bucket
    }
}
