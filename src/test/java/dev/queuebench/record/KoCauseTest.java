package dev.queuebench.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KoCauseTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "status.find.is(202), found 429|http_429",
        "status.find.in(200,403), found 503|http_503",
        "status.find.is(200), but actually found 404|http_404",
        "Request timeout to 127.0.0.1/127.0.0.1:8080 after 10000 ms|timeout",
        "j.n.ConnectException: Connection refused|connect",
        "regex(ready_for_entry).find.exists, found nothing|check",
        "i.n.c.u.Errors$NativeIoException: newSocketStream(..) failed with error(-24): Too many open files|injector_out_of_files",
        "j.n.SocketException: Too many open files|injector_out_of_files",
        "something unexpected|other",
    })
    void classifiesGatlingsMessages(String message, String cause) {
        assertEquals(cause, KoCause.of(message));
    }
}
