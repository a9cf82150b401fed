package dev.queuebench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenFilesLimitTest {
    @Test
    void readsTheSoftLimitFromALimitsFile() {
        assertEquals(20_000L, OpenFilesLimit.parse(List.of(
                "Limit                     Soft Limit           Hard Limit           Units     ",
                "Max open files            20000                1048576              files     ")));
        assertNull(OpenFilesLimit.parse(List.of("Max open files            unlimited            unlimited            files")));
        assertNull(OpenFilesLimit.parse(List.of("garbled")));
    }

    @Test
    void readsThisProcesssOwnLimit() {
        Long limit = OpenFilesLimit.of(ProcessHandle.current().pid());
        assertTrue(limit != null && limit > 0, String.valueOf(limit));
        assertNull(OpenFilesLimit.of(Long.MAX_VALUE), "no such process: unknown, not an error");
    }
}
