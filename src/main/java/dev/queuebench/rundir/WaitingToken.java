package dev.queuebench.rundir;

import java.util.UUID;

/**
 * A gateway token (waiting or reservation) in 128 bits, as {@code journeys.bin.gz} stores it: a
 * UUID's own bits, or for any other text two independent 64-bit hashes of it, so that the audit can
 * tell tokens apart without keeping their text.
 */
public record WaitingToken(long high, long low) {
    public static final WaitingToken NONE = new WaitingToken(0, 0);

    /**
     * A token known only by its {@link #fingerprint()}, as journey logs keep them (8 bytes, not 16):
     * its fingerprint is the one given, so it matches the token it was made from.
     */
    public static WaitingToken ofFingerprint(long fingerprint) {
        return new WaitingToken(fingerprint, 0);
    }

    public static WaitingToken of(String token) {
        if (token == null || token.isEmpty()) {
            return NONE;
        }
        if (token.length() == 36 && token.charAt(8) == '-') {
            try {
                UUID uuid = UUID.fromString(token);
                return new WaitingToken(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
            } catch (IllegalArgumentException notAUuid) {
                // hashed below
            }
        }
        return new WaitingToken(hash(token, 0x9E3779B97F4A7C15L), hash(token, 0xC2B2AE3D27D4EB4FL));
    }

    /** 64 bits that tell tokens apart (collisions: about one in 10^19 per pair), for sorted arrays. */
    public long fingerprint() {
        return high ^ Long.rotateLeft(low, 17);
    }

    public boolean isNone() {
        return high == 0 && low == 0;
    }

    private static long hash(String text, long seed) {
        long h = seed ^ text.length();
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001B3L;
            h ^= h >>> 29;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return h;
    }
}
