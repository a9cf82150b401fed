package dev.queuebench.bench;

import java.io.IOException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * JMH's own informational options, answered the way JMH's {@code Main} answers them and in its order: the
 * first one given is printed to standard output and nothing is benchmarked.
 *
 * <ul>
 *   <li>{@code -h}: JMH's option reference;</li>
 *   <li>{@code -l}: the benchmarks in the jar (after any include/exclude patterns);</li>
 *   <li>{@code -lp}: the same with their parameters and values;</li>
 *   <li>{@code -lprof}: the profilers this JVM can load;</li>
 *   <li>{@code -lrf}: the result formats.</li>
 * </ul>
 */
public final class JmhListings {
    static final String HELP_PREAMBLE = "JMH's own options, which 'queuebench jmh' passes to JMH as they are"
            + " (queuebench's: queuebench jmh --help).";

    private JmhListings() {
    }

    /** @return whether an informational option was given, and so answered */
    public static boolean printIfAsked(CommandLineOptions options) throws IOException {
        if (options.shouldHelp()) {
            System.out.println(HELP_PREAMBLE);
            System.out.println();
            options.showHelp();
        } else if (options.shouldList()) {
            new Runner(options).list();
        } else if (options.shouldListWithParams()) {
            new Runner(options).listWithParams(options);
        } else if (options.shouldListProfilers()) {
            options.listProfilers();
        } else if (options.shouldListResultFormats()) {
            options.listResultFormats();
        } else {
            return false;
        }
        return true;
    }
}
