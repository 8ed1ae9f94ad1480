package vn.commops.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Speaks HTTP/1.1 over a plain socket, for requests a client library would tidy up (dot segments, lying lengths). */
public final class RawHttp {

    public record Reply(int status, String text) {
    }

    private RawHttp() {
    }

    public static Reply send(int port, String head) throws IOException {
        return send(port, head, new byte[0]);
    }

    public static Reply send(int port, String head, byte[] body) throws IOException {
        return sendInParts(port, head, List.of(body), 0);
    }

    /** Sends the body in parts with a pause before each, as a client on a slow link would. */
    public static Reply sendInParts(int port, String head, List<byte[]> parts, long pauseMillis) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            for (byte[] part : parts) {
                pause(pauseMillis);
                out.write(part);
                out.flush();
            }
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Reply(Integer.parseInt(text.substring(9, 12)), text);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
