package io.demodeck.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The container's health check (docker/Dockerfile HEALTHCHECK): exits 0 when {@code /q/health/ready} on the
 * loopback port given as the argument answers 200, else 1. The image has neither curl nor a shell with
 * {@code /dev/tcp}, but it has java; this class uses nothing beyond java.base, so the JVM starts in a fraction of a
 * second and needs a few megabytes.
 */
public final class HealthProbe {

    private static final int TIMEOUT_MILLIS = 2000;

    private HealthProbe() {
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        System.exit(ready(port) ? 0 : 1);
    }

    static boolean ready(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /q/health/ready HTTP/1.0\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] statusLine = new byte[12]; // "HTTP/1.1 200"
            int read = in.readNBytes(statusLine, 0, statusLine.length);
            String status = new String(statusLine, 0, read, StandardCharsets.US_ASCII);
            boolean ok = status.startsWith("HTTP/1.") && status.endsWith(" 200");
            if (!ok) {
                System.err.println("not ready: " + status);
            }
            return ok;
        } catch (IOException | RuntimeException e) {
            System.err.println("not ready: " + e);
            return false;
        }
    }
}
