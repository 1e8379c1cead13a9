package app.immichexport.it.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP receiver on loopback, standing in for Home Assistant and for webhook targets: it
 * answers 200 and keeps every request. The application is configured with its port.
 */
public final class Receiver {

    public record Request(String method, String path, String authorization, String body) {}

    private static Receiver running;

    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private Receiver() {}

    public static synchronized Receiver get() throws IOException {
        if (running == null) {
            Receiver receiver = new Receiver();
            int port = Integer.parseInt(System.getProperty("it.receiver.port"));
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.createContext("/", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    receiver.requests.add(new Request(
                            exchange.getRequestMethod(),
                            exchange.getRequestURI().getPath(),
                            exchange.getRequestHeaders().getFirst("Authorization"),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
                byte[] ok = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, ok.length);
                exchange.getResponseBody().write(ok);
                exchange.close();
            });
            server.start();
            running = receiver;
        }
        return running;
    }

    public static String url(String path) {
        return "http://127.0.0.1:" + System.getProperty("it.receiver.port") + path;
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }
}
