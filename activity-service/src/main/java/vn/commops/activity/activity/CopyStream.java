package vn.commops.activity.activity;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows sent to PostgreSQL's {@code COPY … FROM STDIN} in its text format, in chunks as they are
 * built, so a 10,000-row batch is neither one statement per row nor one 10 MB string.
 */
final class CopyStream implements AutoCloseable {

    private static final int CHUNK_CHARS = 64 * 1024;

    private final CopyIn copy;
    private final StringBuilder chunk = new StringBuilder(CHUNK_CHARS + 4096);
    private boolean firstInRow = true;

    private CopyStream(CopyIn copy) {
        this.copy = copy;
    }

    static CopyStream open(Connection connection, String copyStatement) throws SQLException {
        return new CopyStream(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copyStatement));
    }

    /** The next value of the current row; null is SQL NULL. */
    CopyStream value(Object value) {
        if (!firstInRow) {
            chunk.append('\t');
        }
        firstInRow = false;
        if (value == null) {
            chunk.append("\\N");
        } else {
            appendEscaped(chunk, value.toString());
        }
        return this;
    }

    CopyStream endRow() throws SQLException {
        chunk.append('\n');
        firstInRow = true;
        if (chunk.length() >= CHUNK_CHARS) {
            flush();
        }
        return this;
    }

    /** Ends the COPY; returns the rows PostgreSQL stored. */
    long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private void flush() throws SQLException {
        if (chunk.length() > 0) {
            byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            chunk.setLength(0);
        }
    }

    /** Backslash, tab and line breaks escaped, as COPY's text format wants them. */
    private static void appendEscaped(StringBuilder out, String value) {
        int first = firstSpecial(value);
        if (first < 0) {
            out.append(value); // the common case: copied whole
            return;
        }
        out.append(value, 0, first);
        for (int i = first; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    private static int firstSpecial(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return i;
            }
        }
        return -1;
    }
}
