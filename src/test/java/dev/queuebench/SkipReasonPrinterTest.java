package dev.queuebench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

class SkipReasonPrinterTest {
    @Test
    void aDisabledTestAndAFailedAssumptionEachPrintTheirReasonAndAPassingTestPrintsNothing() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .build());
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(Fixture.class)).build(),
                new SkipReasonPrinter(new PrintStream(printed, true, StandardCharsets.UTF_8)));

        assertEquals("""
                SKIPPED SkipReasonPrinterTest$Fixture.needsTls: Assumption failed: redis-server was built without TLS
                SKIPPED SkipReasonPrinterTest$Fixture.opensChromium: no chromium on PATH (apt-get install chromium)
                """, printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyJUnitLauncherFindsThePrinter() {
        assertTrue(ServiceLoader.load(TestExecutionListener.class).stream()
                .anyMatch(provider -> provider.type() == SkipReasonPrinter.class));
    }

    /** Run only by the launcher above: surefire leaves out nested classes. */
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class Fixture {
        @Test
        void passes() {
        }

        @Test
        void needsTls() {
            Assumptions.assumeTrue(false, "redis-server was built without TLS");
        }

        @Test
        @Disabled("no chromium on PATH (apt-get install chromium)")
        void opensChromium() {
        }
    }
}
