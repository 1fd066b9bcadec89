package io.demodeck.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what an HTTP client library will not do: send only part of a request, or send
 * it from a chosen local address, and see when (and whether) the server answers.
 */
public final class RawHttp implements AutoCloseable {

    /** An answer: status code, headers (lower-case names) and body. */
    public record Answer(int status, Map<String, String> headers, String body) {
    }

    private final Socket socket;

    private RawHttp(Socket socket) {
        this.socket = socket;
    }

    /** Connects to the server of {@code base} (a {@code @TestHTTPResource} URL), from {@code localAddress} if given. */
    public static RawHttp connect(URL base, String localAddress, Duration readTimeout) throws IOException {
        Socket socket = new Socket();
        if (localAddress != null) {
            socket.bind(new InetSocketAddress(localAddress, 0));
        }
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
        socket.setSoTimeout((int) readTimeout.toMillis());
        return new RawHttp(socket);
    }

    public static RawHttp connect(URL base, Duration readTimeout) throws IOException {
        return connect(base, null, readTimeout);
    }

    public RawHttp send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    public RawHttp send(byte[] bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Reads one answer; a read timeout (no answer in time) is a SocketTimeoutException. */
    public Answer read() throws IOException {
        InputStream in = socket.getInputStream();
        String head = readHead(in);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
        }
        byte[] body;
        if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = readChunks(in);
        } else {
            body = new byte[0];
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    /** True when the server closed the connection (end of stream) before {@code timeout}; false if still open. */
    public boolean closedWithin(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        try {
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // an answer such as 408 may come first; the point is whether the connection ends
            }
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true; // reset by the server
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before a full answer: " + head.toString(StandardCharsets.UTF_8));
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.UTF_8);
    }

    private static byte[] readChunks(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int size = Integer.parseInt(readLine(in).split(";")[0].strip(), 16);
            if (size == 0) {
                while (!readLine(in).isEmpty()) {
                    // trailers, up to the empty line
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed inside a chunked body");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
