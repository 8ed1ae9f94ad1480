package vn.commops.e2e.fuzz;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Bodies as text and bytes: a hole a raw value is poured into, quoting, and a printable gist. */
final class JsonText {

    static final String JSON = "application/json";
    /** A placeholder for the mutated value: serialised as a string, then replaced by the raw value's bytes. */
    static final String HOLE = "FZ@HOLE@FZ";

    private JsonText() {
    }

    /** The text with its hole (quoted or not) replaced by bytes that need not be JSON, nor UTF-8. */
    static byte[] replaceHole(String text, byte[] raw) {
        String quotedHole = "\"" + HOLE + "\"";
        int at = text.indexOf(quotedHole);
        if (at < 0) {
            at = text.indexOf(HOLE);
            quotedHole = HOLE;
        }
        if (at < 0) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return concat(text.substring(0, at).getBytes(StandardCharsets.UTF_8), raw,
                text.substring(at + quotedHole.length()).getBytes(StandardCharsets.UTF_8));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            joined.writeBytes(part);
        }
        return joined.toByteArray();
    }

    static String quote(String text) {
        return TextNode.valueOf(text).toString();
    }

    static String gist(String raw) {
        return gist(raw, 40);
    }

    /** The text with controls and bidirectional marks escaped, cut to about {@code max} characters. */
    static String gist(String raw, int max) {
        String flat = raw.length() > max ? raw.substring(0, max - 8) + "…(" + raw.length() + " chars)" : raw;
        StringBuilder shown = new StringBuilder();
        for (char c : flat.toCharArray()) {
            shown.append(c < 0x20 || c == 0x7f || (c >= 0x200e && c <= 0x202e)
                    ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return shown.toString();
    }
}
