package dev.queuebench.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageReferenceTest {
    private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

    @Test
    void aRegistryWithAPortAPathATagAndADigestAreEachTheirOwn() {
        assertEquals(new ImageReference("123456789012.dkr.ecr.eu-west-1.amazonaws.com/queuebench", "0.1.0", null),
                ImageReference.parse("123456789012.dkr.ecr.eu-west-1.amazonaws.com/queuebench:0.1.0", "--image"));
        assertEquals(new ImageReference("localhost:5000/load/queuebench", null, DIGEST),
                ImageReference.parse("localhost:5000/load/queuebench@" + DIGEST, "--image"));
        assertEquals(new ImageReference("queuebench", "v1_2-rc.3", DIGEST),
                ImageReference.parse("queuebench:v1_2-rc.3@" + DIGEST, "--image"));
        assertEquals(new ImageReference("Registry.Example.com/team__x/queue-bench", null, null),
                ImageReference.parse("Registry.Example.com/team__x/queue-bench", "--image"));
        assertEquals("localhost:5000/load/queuebench@" + DIGEST,
                ImageReference.parse("localhost:5000/load/queuebench@" + DIGEST, "--image").toString());
    }

    @Test
    void onlyADigestOrATagOtherThanLatestPinsOneBuild() {
        assertTrue(ImageReference.parse("queuebench:0.1.0", "--image").pinned());
        assertTrue(ImageReference.parse("queuebench@" + DIGEST, "--image").pinned());
        assertTrue(ImageReference.parse("queuebench:latest@" + DIGEST, "--image").pinned());
        assertFalse(ImageReference.parse("queuebench:latest", "--image").pinned());
        assertFalse(ImageReference.parse("registry.example.com/queuebench", "--image").pinned());
    }

    @Test
    void whatDockerRefusesIsRefusedNamingTheOption() {
        for (String bad : List.of("", "Queuebench:1", "queuebench:", "queuebench:-1", "registry.example.com/Team/qb",
                "https://registry.example.com/qb:1", "qb:tag with space", "qb@sha256:abc", "qb:" + "x".repeat(129),
                "a/".repeat(128) + "b", "-qb:1", "qb//x:1")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> ImageReference.parse(bad, "--image"), bad);
            assertTrue(refused.getMessage().startsWith("--image must be an image reference"), refused.getMessage());
            assertTrue(refused.getMessage().endsWith("was '" + bad + "'"), refused.getMessage());
        }
    }
}
