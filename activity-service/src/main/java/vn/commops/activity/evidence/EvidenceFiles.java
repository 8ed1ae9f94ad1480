package vn.commops.activity.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import vn.commops.common.problem.ProblemException;

/** Files kept once per content: their bytes in the {@link EvidenceStore}, their facts in {@code evidence_file}. */
@ApplicationScoped
public class EvidenceFiles {

    private final EvidenceStore store;
    private final Thumbnails thumbnails;

    EvidenceFiles(EvidenceStore store, Thumbnails thumbnails) {
        this.store = store;
        this.thumbnails = thumbnails;
    }

    /** @param isNew whether this upload stored the content, rather than finding it stored */
    public record Kept(EvidenceFile file, boolean isNew) {
    }

    /** Stores a checked upload unless its content is already stored; in the caller's transaction. */
    @Transactional
    public Kept keep(EvidenceUploads.Received received, String uploader) {
        EvidenceFile known = EvidenceFile.findById(received.sha256());
        if (known != null) {
            return new Kept(known, false);
        }
        try {
            if (!store.exists(received.sha256())) {
                store.put(received.sha256(), received.file(), received.size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The same file sent twice at once: the second insert takes nothing and both answer the one row.
        int inserted = EvidenceFile.getEntityManager().createNativeQuery("insert into evidence_file (sha256, "
                        + "media_type, size_bytes, stored_in, captured_at, latitude, longitude, uploaded_by, uploaded_at) "
                        + "values (:sha256, :type, :size, :storedIn, :capturedAt, :latitude, :longitude, :by, :at) "
                        + "on conflict (sha256) do nothing")
                .setParameter("sha256", received.sha256()).setParameter("type", received.type().mediaType())
                .setParameter("size", received.size()).setParameter("storedIn", store.name())
                .setParameter("capturedAt", received.photo().capturedAt())
                .setParameter("latitude", received.photo().latitude())
                .setParameter("longitude", received.photo().longitude())
                .setParameter("by", uploader).setParameter("at", OffsetDateTime.now())
                .executeUpdate();
        return new Kept(EvidenceFile.findById(received.sha256()), inserted == 1);
    }

    public EvidenceFile find(String sha256) {
        EvidenceFile file = sha256 == null ? null : EvidenceFile.findById(sha256);
        if (file == null) {
            throw ProblemException.notFound("Evidence file", String.valueOf(sha256));
        }
        return file;
    }

    public InputStream open(String sha256) {
        try {
            return store.open(sha256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's thumbnail, made from its content on the first request and kept. */
    @Transactional
    public byte[] thumbnail(String sha256) {
        EvidenceFile file = find(sha256);
        if (!file.type().decodable()) {
            throw new ProblemException(404, "no-thumbnail", "No thumbnail",
                    "Only JPEG and PNG images have thumbnails; this file is " + file.mediaType, java.util.List.of());
        }
        if (file.thumbnail == null) {
            try (InputStream content = open(sha256)) {
                file.thumbnail = thumbnails.of(content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file.thumbnail;
    }
}
