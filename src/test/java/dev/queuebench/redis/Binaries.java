package dev.queuebench.redis;

import org.junit.jupiter.api.Assumptions;

/** The redis-server binaries a test can run against: "path" (skipped when absent) and "bundled". */
final class Binaries {
    private Binaries() {
    }

    /** The binary for a test parameter, or the test is skipped when "path" has none. */
    static RedisBinary named(String choice) {
        if (choice.equals(RedisBinary.CHOICE_PATH)) {
            Assumptions.assumeTrue(RedisBinary.onPath().isPresent(),
                    "no redis-server on the PATH; install one (apt-get install redis-server) to test it");
        }
        return RedisBinary.choose(choice);
    }
}
