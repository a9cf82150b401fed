package dev.queuebench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.queuebench.profile.ProfileCatalog;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunSettingsTest {
    @Test
    void unsetSettingsTakeTheirDocumentedDefaults() {
        RunSettings settings = RunSettings.builder(ProfileCatalog.named("smoke")).build();

        assertEquals("smoke", settings.label());
        assertEquals(1, settings.scale());
        assertEquals("unknown", settings.nodeType());
        assertEquals(Path.of("results/runs"), settings.resultsRoot());
        assertEquals(true, settings.sharedConnections());
        assertEquals(10_000, settings.requestTimeoutMillis());
        assertEquals(1_024, settings.injectorHeapMb());
        assertEquals(0, settings.injectorIndex());
        assertEquals(1, settings.injectorCount());
        assertEquals(true, settings.gatlingReport());
    }

    @Test
    void badValuesNameTheOptionAndItsRange() {
        RunSettings.Builder smoke = RunSettings.builder(ProfileCatalog.named("smoke"));
        assertEquals("--injector-heap-mb must be >= 64, was 32", assertThrows(IllegalArgumentException.class,
                () -> smoke.injectorHeapMb(32).build()).getMessage());
        assertEquals("--injector-index must be between 0 and --injector-count - 1",
                assertThrows(IllegalArgumentException.class,
                        () -> RunSettings.builder(ProfileCatalog.named("smoke")).injector(2, 2).build()).getMessage());
        assertEquals("--label must be 1-64 characters of A-Z a-z 0-9 . _ -, was 'a b'",
                assertThrows(IllegalArgumentException.class,
                        () -> RunSettings.builder(ProfileCatalog.named("smoke")).label("a b").build()).getMessage());
    }
}
