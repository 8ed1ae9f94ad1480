package vn.commops.gateway.balancing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An upload that declares its whole length but sends only its first part, then waits for the answer
 * with the rest withheld: a gateway that holds the body back until it is complete never answers, and
 * the read times out.
 */
final class RawUpload {

    record Reply(int status, String text) {
    }

    private RawUpload() {
    }

    static Reply sendPart(int port, String path, String token, String idempotencyKey, int declared, int sent)
            throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token + "\r\n"
                    + "Idempotency-Key: " + idempotencyKey + "\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: " + declared + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(new byte[sent]);
            out.flush();
            String text = readAnswer(socket.getInputStream());
            return new Reply(Integer.parseInt(text.substring(9, 12)), text);
        }
    }

    /** The head and a body of the declared length; the connection stays open, as the upload is unfinished. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        int headEnd = -1;
        int length = 0;
        while (headEnd < 0 || read.size() < headEnd + length) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            read.write(b);
            String text = read.toString(StandardCharsets.ISO_8859_1);
            if (headEnd < 0 && text.endsWith("\r\n\r\n")) {
                headEnd = text.length();
                String lower = text.toLowerCase();
                int at = lower.indexOf("content-length:");
                length = at < 0 ? 0 : Integer.parseInt(lower.substring(at + 15, lower.indexOf("\r\n", at)).trim());
            }
        }
        return read.toString(StandardCharsets.UTF_8);
    }
}
