package dev.queuebench.jmh;

import java.util.concurrent.ThreadLocalRandom;

/**
 * How the benchmark's calls spread over Redis keys: {@link #HOT} sends every call to one event (one
 * bucket, one seat, one client), the ticket-sale-opening case; {@link #SPREAD} picks one of
 * {@value #SPREAD_KEY_COUNT} uniformly, so that a single hot, cache-warm key cannot flatter the numbers.
 * Users are unique per call in both, as every join is a new user.
 */
public enum KeySpread {
    HOT,
    SPREAD;

    static final int SPREAD_KEY_COUNT = 10_000;

    /** An identifier for the given kind of key: {@code kind-hot}, or {@code kind-<0..9999>}. */
    public String pick(String kind) {
        if (this == HOT) {
            return kind + "-hot";
        }
        return kind + "-" + ThreadLocalRandom.current().nextInt(SPREAD_KEY_COUNT);
    }
}
