package dev.queuebench.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admission token bucket: positions 11+ spend tokens that refill over time; 1-10 bypass it. */
class AdmissionBucketIT {
    private static GatewayFixture gateway;

    @BeforeAll
    static void start() {
        gateway = GatewayFixture.start(GatewaySettings.defaults().withAdmissionBucket(3, 1));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void bucketLimitsAdmissionsBeyondTheTopTenAndRefills() throws InterruptedException {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            tokens.add(gateway.joinToken("bucket", "user-" + i));
        }
        // Positions 11-50 must have waited 2 s.
        Thread.sleep(2_100);
        // Enter from the back so positions stay above 10: 16, 15, 14 take the bucket's 3 tokens.
        int granted = 0;
        int refused = 0;
        for (int i = 15; i >= 11; i--) {
            GatewayFixture.Reply reply = gateway.enter(tokens.get(i));
            if (reply.status() == 200) {
                granted++;
            } else {
                assertEquals("NOT_READY", reply.errorCode());
                assertTrue(reply.body().path("error").path("message").asText().contains("admission rate limit"));
                refused++;
            }
        }
        assertEquals(3, granted, "capacity 3");
        assertEquals(2, refused);

        // 1 token/s refill: after 1.2 s one more is admitted, the next is refused.
        Thread.sleep(1_200);
        assertEquals(200, gateway.enter(tokens.get(11)).status());
        assertEquals(403, gateway.enter(tokens.get(10)).status());

        // The top ten bypass the empty bucket.
        for (int i = 0; i < 10; i++) {
            assertEquals(200, gateway.enter(tokens.get(i)).status(), "position " + (i + 1));
        }
    }
}
