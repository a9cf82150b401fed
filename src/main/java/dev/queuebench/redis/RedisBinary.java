package dev.queuebench.redis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which {@code redis-server} executable {@link EmbeddedRedis} runs.
 *
 * <p>By default: {@code redis-server} on the {@code PATH} when there is one (Debian's 7.x has TLS and
 * matches ElastiCache best), otherwise the Linux/macOS binary bundled in the embedded-redis jar,
 * extracted to a temporary file. The system property {@value #PROPERTY} forces the choice:
 * {@value #CHOICE_PATH} (fail when none is on the PATH), {@value #CHOICE_BUNDLED}, or the path of an
 * executable, e.g. {@code -Dqueuebench.redis.binary=bundled}.
 */
public final class RedisBinary {
    /** System property that forces the binary: {@code path}, {@code bundled} or a file path. */
    public static final String PROPERTY = "queuebench.redis.binary";
    public static final String CHOICE_PATH = "path";
    public static final String CHOICE_BUNDLED = "bundled";

    /** {@link #source()} of a binary found on the PATH. */
    public static final String SOURCE_PATH = "PATH";

    private static final String EXECUTABLE = "redis-server";
    private static final long VERSION_PROBE_TIMEOUT_MILLIS = 10_000;
    private static final Pattern VERSION = Pattern.compile("v=(\\d+)\\.(\\d+)\\.(\\d+)");

    private final Path path;
    private final String source;
    private volatile int[] versionNumbers;

    private RedisBinary(Path path, String source) {
        this.path = path;
        this.source = source;
    }

    /** The binary {@value #PROPERTY} asks for, or the default choice when it is unset. */
    public static RedisBinary resolve() {
        return choose(System.getProperty(PROPERTY));
    }

    /**
     * {@code null}, empty or {@code auto}: the PATH's, else the bundled one; {@code path};
     * {@code bundled}; anything else is taken as the path of an executable.
     *
     * @throws IllegalArgumentException when the chosen binary does not exist or is not executable
     */
    public static RedisBinary choose(String choice) {
        if (choice == null || choice.isBlank() || choice.strip().equalsIgnoreCase("auto")) {
            return onPath().orElseGet(RedisBinary::bundled);
        }
        String trimmed = choice.strip();
        if (trimmed.equalsIgnoreCase(CHOICE_PATH)) {
            return onPath().orElseThrow(() -> new IllegalArgumentException(
                    "-D" + PROPERTY + "=path, but there is no executable redis-server on the PATH ("
                            + System.getenv("PATH") + "): install one (Debian/Ubuntu: apt-get install redis-server) "
                            + "or use -D" + PROPERTY + "=bundled"));
        }
        if (trimmed.equalsIgnoreCase(CHOICE_BUNDLED)) {
            return bundled();
        }
        return file(Paths.get(trimmed));
    }

    /** {@code redis-server} from the PATH, if there is an executable one. */
    public static Optional<RedisBinary> onPath() {
        String pathVariable = System.getenv("PATH");
        if (pathVariable == null) {
            return Optional.empty();
        }
        for (String directory : pathVariable.split(java.io.File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Paths.get(directory, EXECUTABLE);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(new RedisBinary(candidate.toAbsolutePath(), SOURCE_PATH));
            }
        }
        return Optional.empty();
    }

    /** The binary from the embedded-redis jar, extracted once per JVM and deleted when it exits. */
    public static RedisBinary bundled() {
        return BundledBinaryHolder.INSTANCE;
    }

    /** An explicit executable. */
    public static RedisBinary file(Path executable) {
        if (!Files.isRegularFile(executable)) {
            throw new IllegalArgumentException("redis-server binary '" + executable + "' (from -D" + PROPERTY
                    + ") does not exist: give the path of a redis-server executable, 'path' or 'bundled'");
        }
        if (!Files.isExecutable(executable)) {
            throw new IllegalArgumentException("redis-server binary '" + executable + "' is not executable: "
                    + "chmod +x it, or use -D" + PROPERTY + "=path or bundled");
        }
        return new RedisBinary(executable.toAbsolutePath(), "file " + executable.toAbsolutePath());
    }

    public Path path() {
        return path;
    }

    /** {@code PATH}, {@code bundled embedded-redis <version>} or {@code file <path>}. */
    public String source() {
        return source;
    }

    /**
     * The major version from {@code redis-server --version} (run once, then cached): tells which
     * settings this binary accepts before it is started.
     */
    public int majorVersion() {
        return versionNumbers()[0];
    }

    private int[] versionNumbers() {
        int[] numbers = versionNumbers;
        if (numbers == null) {
            numbers = probeVersion();
            versionNumbers = numbers;
        }
        return numbers;
    }

    private int[] probeVersion() {
        String output;
        try {
            Process process = new ProcessBuilder(path.toString(), "--version").redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(VERSION_PROBE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("'" + path + " --version' did not finish within "
                        + VERSION_PROBE_TIMEOUT_MILLIS + " ms");
            }
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run redis-server at '" + path + "' (" + source + "): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running '" + path + " --version'", e);
        }
        Matcher matcher = VERSION.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("'" + path + " --version' (" + source + ") printed no version: "
                    + output + ServerOutput.hint(output));
        }
        return new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
            Integer.parseInt(matcher.group(3))};
    }

    @Override
    public String toString() {
        return path + " (" + source + ")";
    }

    /** Extracts the bundled binary the first time it is asked for. */
    private static final class BundledBinaryHolder {
        static final RedisBinary INSTANCE = new RedisBinary(BundledRedisServer.extract(),
                "bundled embedded-redis " + BundledRedisServer.embeddedRedisVersion());
    }
}
