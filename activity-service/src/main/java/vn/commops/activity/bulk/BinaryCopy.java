package vn.commops.activity.bulk;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows sent to {@code COPY … FROM STDIN (FORMAT binary)}, in 64 KB chunks as they are built. In
 * binary, PostgreSQL takes each value as it is stored (a uuid's 16 bytes, a timestamp's
 * microseconds) instead of parsing its text, and nothing here formats one: both sides' cost of
 * text COPY for an activity row was a quarter of its insert. Each value must be of the column's
 * exact type (int4 for integer, int8 for bigint…), which {@link ActivityRows} declares per column.
 */
final class BinaryCopy implements AutoCloseable {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final int CHUNK_BYTES = 64 * 1024;
    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch for timestamps, in Unix seconds. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

    private final CopyIn copy;
    private byte[] buffer = new byte[CHUNK_BYTES + 4096];
    private int used;

    private BinaryCopy(CopyIn copy) {
        this.copy = copy;
        put(SIGNATURE, 0, SIGNATURE.length);
        putInt(0); // flags
        putInt(0); // header extension length
    }

    /** Starts {@code copy <table> (<columns>) from stdin (format binary)}. */
    static BinaryCopy open(Connection connection, String copyStatement) throws SQLException {
        return new BinaryCopy(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copyStatement));
    }

    BinaryCopy startRow(int columns) throws SQLException {
        if (used >= CHUNK_BYTES) {
            flush();
        }
        putShort(columns);
        return this;
    }

    BinaryCopy nullValue() {
        putInt(-1);
        return this;
    }

    BinaryCopy uuid(UUID value) {
        if (value == null) {
            return nullValue();
        }
        putInt(16);
        putLong(value.getMostSignificantBits());
        putLong(value.getLeastSignificantBits());
        return this;
    }

    BinaryCopy int4(int value) {
        putInt(4);
        putInt(value);
        return this;
    }

    BinaryCopy int8(long value) {
        putInt(8);
        putLong(value);
        return this;
    }

    BinaryCopy float8(double value) {
        putInt(8);
        putLong(Double.doubleToLongBits(value));
        return this;
    }

    BinaryCopy bool(boolean value) {
        putInt(1);
        put(value ? (byte) 1 : (byte) 0);
        return this;
    }

    /** Microseconds since 2000-01-01 UTC, rounded half up from nanoseconds as the JDBC driver rounds. */
    BinaryCopy timestamptz(OffsetDateTime value) {
        if (value == null) {
            return nullValue();
        }
        long seconds = value.toEpochSecond() - POSTGRES_EPOCH_SECONDS;
        putInt(8);
        putLong(Math.multiplyExact(seconds, 1_000_000L) + (value.getNano() + 500) / 1000);
        return this;
    }

    BinaryCopy text(String value) {
        if (value == null) {
            return nullValue();
        }
        int lengthAt = used;
        putInt(0);
        utf8(value);
        writeInt(lengthAt, used - lengthAt - 4);
        return this;
    }

    /** jsonb's binary form: version 1, then the JSON text. */
    BinaryCopy jsonb(String json) {
        if (json == null) {
            return nullValue();
        }
        int lengthAt = used;
        putInt(0);
        put((byte) 1);
        utf8(json);
        writeInt(lengthAt, used - lengthAt - 4);
        return this;
    }

    /** Ends the COPY; returns the rows PostgreSQL stored. */
    long finish() throws SQLException {
        putShort(-1);
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
        if (used > 0) {
            copy.writeToCopy(buffer, 0, used);
            used = 0;
        }
    }

    private void utf8(String value) {
        ensure(Utf8.maxBytes(value.length()));
        used = Utf8.encode(value, buffer, used);
    }

    private void putShort(int value) {
        ensure(2);
        buffer[used++] = (byte) (value >>> 8);
        buffer[used++] = (byte) value;
    }

    private void putInt(int value) {
        ensure(4);
        writeInt(used, value);
        used += 4;
    }

    private void putLong(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[used++] = (byte) (value >>> shift);
        }
    }

    private void put(byte value) {
        ensure(1);
        buffer[used++] = value;
    }

    private void put(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buffer, used, length);
        used += length;
    }

    private void writeInt(int at, int value) {
        buffer[at] = (byte) (value >>> 24);
        buffer[at + 1] = (byte) (value >>> 16);
        buffer[at + 2] = (byte) (value >>> 8);
        buffer[at + 3] = (byte) value;
    }

    /** Rows are flushed between, not within: a row longer than the buffer grows it. */
    private void ensure(int more) {
        if (used + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, used + more));
        }
    }
}
