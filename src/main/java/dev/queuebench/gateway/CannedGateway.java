package dev.queuebench.gateway;

import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;

/**
 * A stand-in for the gateway that answers every queue endpoint with fixed JSON straight from the
 * I/O thread, touching no Redis. It costs the target almost nothing, so a load test against it
 * measures the injector's own ceiling. Status always says not ready, so simulated users make
 * exactly the journey's modelled number of requests.
 */
public final class CannedGateway implements AutoCloseable {
    private static final String JOINED = "{\"waiting_token\":\"00000000-0000-0000-0000-000000000000\","
            + "\"position_hint\":1000,\"status\":\"waiting\"}";
    private static final String STATUS = "{\"status\":\"waiting\",\"position\":1000,\"eta_sec\":20,"
            + "\"waiting_time\":1,\"ready_for_entry\":false}";
    private static final String LEFT = "{\"status\":\"left\"}";
    private static final String NOT_READY = "{\"error\":{\"code\":\"NOT_READY\",\"message\":\"not yet\","
            + "\"trace_id\":\"0\"}}";

    private final Undertow undertow;

    private CannedGateway(Undertow undertow) {
        this.undertow = undertow;
    }

    public static CannedGateway start(String host, int port, int ioThreads) {
        HttpHandler handler = CannedGateway::answer;
        Undertow undertow = Undertow.builder().addHttpListener(port, host).setIoThreads(ioThreads)
                .setHandler(handler).build();
        undertow.start();
        return new CannedGateway(undertow);
    }

    private static void answer(HttpServerExchange exchange) {
        String path = exchange.getRequestPath();
        int status = 200;
        String body = STATUS;
        if (path.endsWith("/join")) {
            status = 202;
            body = JOINED;
        } else if (path.endsWith("/enter")) {
            status = 403;
            body = NOT_READY;
        } else if (path.endsWith("/leave")) {
            body = LEFT;
        }
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(body);
    }

    public String baseUrl() {
        InetSocketAddress address = (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
        return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    @Override
    public void close() {
        undertow.stop();
    }
}
