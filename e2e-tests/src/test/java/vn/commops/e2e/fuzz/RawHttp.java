package vn.commops.e2e.fuzz;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 spoken byte by byte, one connection a request: the fuzzer must send what no client
 * library lets through (a broken percent-escape in the request line, a NUL in a header, bytes that
 * are not UTF-8), and must see a hang as a hang.
 */
final class RawHttp {

    /** What the fuzzer keeps of an answer: enough to judge it and to show it. */
    record Answer(int status, Map<String, String> headers, byte[] body, long millis, String failure) {

        static Answer failed(String failure, long millis) {
            return new Answer(0, Map.of(), new byte[0], millis, failure);
        }

        String contentType() {
            return headers.get("content-type");
        }

        String location() {
            return headers.get("location");
        }

        String etag() {
            return headers.get("etag");
        }

        boolean answered() {
            return failure == null;
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A request as bytes on the wire: the target and header values are sent as they are (ISO-8859-1). */
    record Request(String method, String target, List<String[]> headers, byte[] body) {

        Request withHeader(String name, String value) {
            List<String[]> more = new ArrayList<>(headers);
            more.add(new String[] {name, value});
            return new Request(method, target, more, body);
        }

        String header(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst().orElse(null);
        }
    }

    private static final int MAX_BODY_KEPT = 8 * 1024 * 1024;

    private final String host;
    private final int port;
    private final Duration timeout;

    RawHttp(URI base, Duration timeout) {
        this.host = base.getHost();
        this.port = base.getPort() > 0 ? base.getPort() : 80;
        this.timeout = timeout;
    }

    Answer send(Request request) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) Math.min(timeout.toMillis(), 5000));
            socket.setSoTimeout((int) timeout.toMillis());
            try {
                OutputStream out = socket.getOutputStream();
                out.write(head(request));
                if (request.body() != null) {
                    out.write(request.body());
                }
                out.flush();
            } catch (IOException refusedEarly) {
                // a server may answer (413, 431) and close before it has read the whole request: read that answer
            }
            return read(new BufferedInputStream(socket.getInputStream()), request.method(), deadline, start);
        } catch (SocketTimeoutException e) {
            return Answer.failed("no answer within " + timeout.toSeconds() + " s", elapsed(start));
        } catch (IOException e) {
            return Answer.failed("connection failed: " + e.getMessage(), elapsed(start));
        }
    }

    private byte[] head(Request request) {
        StringBuilder head = new StringBuilder();
        head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(host).append(':').append(port).append("\r\n");
        boolean lengthGiven = false;
        for (String[] header : request.headers()) {
            head.append(header[0]).append(": ").append(header[1]).append("\r\n");
            lengthGiven |= header[0].equalsIgnoreCase("Content-Length");
        }
        if (!lengthGiven && (request.body() != null || !request.method().equals("GET"))) {
            head.append("Content-Length: ").append(request.body() == null ? 0 : request.body().length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Answer read(InputStream in, String method, long deadline, long start) throws IOException {
        ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return Answer.failed(headBytes.size() == 0 ? "connection closed without an answer"
                        : "connection closed inside the answer's head", elapsed(start));
            }
            headBytes.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            checkDeadline(deadline);
        }
        String[] lines = headBytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = Integer.parseInt(statusLine[1]);
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        long length = headers.containsKey("content-length") ? Long.parseLong(headers.get("content-length")) : -1;
        boolean chunked = headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (method.equals("HEAD") || status == 204 || status == 304 || status / 100 == 1) {
            length = 0;
        }
        if (chunked) {
            readChunked(in, body, deadline);
        } else if (length >= 0) {
            copy(in, body, length, deadline);
        } else {
            copy(in, body, Long.MAX_VALUE, deadline);
        }
        return new Answer(status, headers, body.toByteArray(), elapsed(start), null);
    }

    private static void readChunked(InputStream in, ByteArrayOutputStream body, long deadline) throws IOException {
        while (true) {
            String sizeLine = line(in);
            int semicolon = sizeLine.indexOf(';');
            long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                return;
            }
            copy(in, body, size, deadline);
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static void copy(InputStream in, ByteArrayOutputStream body, long length, long deadline)
            throws IOException {
        byte[] buffer = new byte[8192];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                return;
            }
            if (body.size() < MAX_BODY_KEPT) {
                body.write(buffer, 0, Math.min(n, MAX_BODY_KEPT - body.size()));
            }
            left -= n;
            checkDeadline(deadline);
        }
    }

    private static void checkDeadline(long deadline) throws SocketTimeoutException {
        if (System.nanoTime() > deadline) {
            throw new SocketTimeoutException("deadline");
        }
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
