package vn.commops.activity.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Evidence in the service's own database, in rows of {@code chunkSize} bytes: the default, so that the
 * platform needs no other server. A put joins the caller's transaction (a refused upload leaves no chunk);
 * a read fetches one chunk at a time, each by a query of its own, so a download holds no connection
 * between chunks and no more than one chunk in memory.
 */
class PostgresEvidenceStore implements EvidenceStore {

    static final String NAME = "POSTGRES";

    private final DataSource dataSource;
    private final int chunkSize;

    PostgresEvidenceStore(DataSource dataSource, int chunkSize) {
        this.dataSource = dataSource;
        this.chunkSize = chunkSize;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void put(String sha256, Path file, long size) throws IOException {
        try (InputStream in = Files.newInputStream(file); Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into evidence_chunk (sha256, seq, data) values (?, ?, ?) on conflict do nothing")) {
            byte[] chunk = new byte[chunkSize];
            int seq = 0;
            int read;
            while ((read = in.readNBytes(chunk, 0, chunkSize)) > 0) {
                insert.setString(1, sha256);
                insert.setInt(2, seq++);
                insert.setBytes(3, read == chunkSize ? chunk : java.util.Arrays.copyOf(chunk, read));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IOException("Evidence " + sha256 + " could not be stored", e);
        }
    }

    @Override
    public InputStream open(String sha256) {
        return new ChunkStream(sha256);
    }

    @Override
    public boolean exists(String sha256) throws IOException {
        return chunk(sha256, 0) != null;
    }

    private byte[] chunk(String sha256, int seq) throws IOException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select data from evidence_chunk where sha256 = ? and seq = ?")) {
            select.setString(1, sha256);
            select.setInt(2, seq);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new IOException("Evidence " + sha256 + " could not be read", e);
        }
    }

    /** The chunks in order, each fetched when the reader reaches it. */
    private final class ChunkStream extends InputStream {
        private final String sha256;
        private int next;
        private byte[] current = new byte[0];
        private int position;
        private boolean ended;

        ChunkStream(String sha256) {
            this.sha256 = sha256;
        }

        private boolean fill() throws IOException {
            while (!ended && position >= current.length) {
                byte[] chunk = chunk(sha256, next++);
                if (chunk == null) {
                    ended = true;
                } else {
                    current = chunk;
                    position = 0;
                }
            }
            return !ended;
        }

        @Override
        public int read() throws IOException {
            return fill() ? current[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int count = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, count);
            position += count;
            return count;
        }
    }
}
