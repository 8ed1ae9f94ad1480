package vn.commops.activity.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.PhotoFixtures;

@QuarkusTest
class PostgresEvidenceStoreTest {

    private static final int CHUNK = 1024 * 1024;

    @Inject
    DataSource dataSource;

    @Test
    void aFileLargerThanAChunkIsStoredInChunksAndReadBackWhole() throws Exception {
        PostgresEvidenceStore store = new PostgresEvidenceStore(dataSource, CHUNK);
        byte[] content = new byte[2 * CHUNK + 12345];
        ThreadLocalRandom.current().nextBytes(content);
        String sha256 = PhotoFixtures.sha256(content);
        Path file = Files.createTempFile("evidence-test", ".bin");
        try {
            Files.write(file, content);
            assertFalse(store.exists(sha256));
            QuarkusTransaction.requiringNew().run(() -> put(store, sha256, file, content.length));
            QuarkusTransaction.requiringNew().run(() -> put(store, sha256, file, content.length));

            assertTrue(store.exists(sha256));
            try (InputStream in = store.open(sha256)) {
                assertArrayEquals(content, in.readAllBytes());
            }
            try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                    "select count(*), max(length(data)) from evidence_chunk where sha256 = ?")) {
                query.setString(1, sha256);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    assertEquals(3, row.getInt(1));
                    assertEquals(CHUNK, row.getInt(2));
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aPutRolledBackLeavesNothing() throws Exception {
        PostgresEvidenceStore store = new PostgresEvidenceStore(dataSource, CHUNK);
        byte[] content = new byte[CHUNK + 1];
        ThreadLocalRandom.current().nextBytes(content);
        String sha256 = PhotoFixtures.sha256(content);
        Path file = Files.createTempFile("evidence-test", ".bin");
        try {
            Files.write(file, content);
            assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
                put(store, sha256, file, content.length);
                QuarkusTransaction.setRollbackOnly();
            }));
            assertFalse(store.exists(sha256));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void put(EvidenceStore store, String sha256, Path file, long size) {
        try {
            store.put(sha256, file, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
