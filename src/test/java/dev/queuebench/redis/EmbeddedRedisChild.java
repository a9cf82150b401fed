package dev.queuebench.redis;

/**
 * Run in a separate JVM by {@link EmbeddedRedisIT}: starts an EmbeddedRedis, prints where it is, and
 * either exits without closing it ({@code exit}) or waits to be killed ({@code wait}).
 *
 * <p>Arguments: binary choice ({@code path} | {@code bundled}), then {@code exit} | {@code wait}.
 */
public final class EmbeddedRedisChild {
    private EmbeddedRedisChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedRedis redis = EmbeddedRedis.builder().binary(RedisBinary.choose(args[0])).start();
        System.out.println("PORT " + redis.port());
        System.out.println("DIR " + redis.workingDirectory());
        System.out.println("BINARY " + redis.binaryPath());
        System.out.println("READY");
        System.out.flush();
        if (args[1].equals("exit")) {
            // No close(): the shutdown hook must stop it.
            System.exit(0);
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
