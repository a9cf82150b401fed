package dev.queuebench.record;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * The positional arguments of this package's test-scope {@code main} methods: a usage line and exit
 * code 2 when there are too few or too many, optional trailing arguments with defaults.
 */
final class MainArguments {
    private final String[] args;
    private final String usage;

    private MainArguments(String[] args, String usage) {
        this.args = args;
        this.usage = usage;
    }

    /** Exits with code 2 and {@code usage} unless there are {@code minCount} to {@code maxCount} arguments. */
    static MainArguments of(String[] args, int minCount, int maxCount, String usage) {
        if (args.length < minCount || args.length > maxCount) {
            exitWithUsage(usage, args.length + " arguments");
        }
        return new MainArguments(args, usage);
    }

    Path path(int index) {
        return Path.of(args[index]);
    }

    long longOr(int index, long defaultValue) {
        return args.length > index ? number(index, Long::parseLong) : defaultValue;
    }

    double doubleOr(int index, double defaultValue) {
        return args.length > index ? number(index, Double::parseDouble) : defaultValue;
    }

    /** Underscores are allowed as in Java literals: {@code 54_000_000}. */
    private <T> T number(int index, Function<String, T> parse) {
        try {
            return parse.apply(args[index].replace("_", ""));
        } catch (NumberFormatException e) {
            exitWithUsage(usage, "argument " + (index + 1) + " is not a number: '" + args[index] + "'");
            throw e;
        }
    }

    private static void exitWithUsage(String usage, String problem) {
        System.err.println(problem + "; usage: " + usage);
        System.exit(2);
    }
}
