package dev.queuebench;

import java.io.PrintStream;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints {@code SKIPPED <test>: <reason>} on the console for every test that was disabled or whose
 * assumption failed (a missing redis-server feature, no chromium), so {@code ./mvnw verify} says why
 * without a look into {@code target/surefire-reports} or {@code target/failsafe-reports}. Registered
 * for every JUnit Platform launcher by {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 */
public final class SkipReasonPrinter implements TestExecutionListener {
    private final PrintStream out;

    /** For the service loader: prints to the console as it is when each test is skipped. */
    public SkipReasonPrinter() {
        this(null);
    }

    SkipReasonPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        print(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            print(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
        }
    }

    private void print(TestIdentifier test, String reason) {
        // System.out is looked up late: surefire installs its own stream for each forked test run.
        PrintStream target = out != null ? out : System.out;
        target.println("SKIPPED " + name(test) + ": " + (reason == null || reason.isBlank() ? "no reason given" : reason));
        target.flush();
    }

    static String name(TestIdentifier test) {
        Optional<TestSource> source = test.getSource();
        if (source.isPresent() && source.get() instanceof MethodSource method) {
            return simpleName(method.getClassName()) + "." + method.getMethodName();
        }
        if (source.isPresent() && source.get() instanceof ClassSource type) {
            return simpleName(type.getClassName());
        }
        return test.getDisplayName();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
