package vn.commops.activity.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where evidence bytes live, addressed by their SHA-256: the same content is one object whoever sends it.
 * The caller has hashed and checked the file before it is put (see {@link EvidenceUploads}), so a store
 * never holds a file under a name that is not its hash.
 */
public interface EvidenceStore {

    /** What {@code evidence_file.stored_in} records for files this store holds. */
    String name();

    /** Stores the file under its hash; storing content already held changes nothing. */
    void put(String sha256, Path file, long size) throws IOException;

    /** The content, streamed: a caller reads a 200 MB video without holding it. */
    InputStream open(String sha256) throws IOException;

    boolean exists(String sha256) throws IOException;
}
