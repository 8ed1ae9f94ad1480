package vn.commops.activity.bulk;

/** UTF-8 encoding into an array the caller reuses, exactly as String.getBytes(UTF_8) encodes. */
public final class Utf8 {

    private Utf8() {
    }

    /** The most bytes {@code chars} UTF-16 chars can take. */
    public static int maxBytes(int chars) {
        return chars * 3;
    }

    /** Writes {@code text} at {@code at}; returns the position after it. An unpaired surrogate becomes '?'. */
    public static int encode(CharSequence text, byte[] out, int at) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xc0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                out[at++] = (byte) (0xf0 | codePoint >> 18);
                out[at++] = (byte) (0x80 | codePoint >> 12 & 0x3f);
                out[at++] = (byte) (0x80 | codePoint >> 6 & 0x3f);
                out[at++] = (byte) (0x80 | codePoint & 0x3f);
            } else if (Character.isSurrogate(c)) {
                out[at++] = '?';
            } else {
                out[at++] = (byte) (0xe0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3f);
                out[at++] = (byte) (0x80 | c & 0x3f);
            }
        }
        return at;
    }
}
