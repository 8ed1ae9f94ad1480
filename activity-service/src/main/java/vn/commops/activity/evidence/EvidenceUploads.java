package vn.commops.activity.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.commops.common.problem.Problem;
import vn.commops.common.problem.ProblemException;

/**
 * Takes an upload's body into a temporary file while hashing it, and checks it before anything is stored:
 * its type by its first bytes, its size against its kind's limit (as it streams, so an oversized video is
 * cut off, not read whole), and the hash the client announced. The file is then stored under the hash known
 * beforehand, which an object store needs as its key.
 */
@ApplicationScoped
public class EvidenceUploads {

    public static final String SHA256_HEADER = "X-Content-SHA256";

    /** Declared types taken as another name of ours; application/octet-stream asks us to tell by content. */
    private static final Map<String, String> ALIASES = Map.of("image/jpg", "image/jpeg", "image/pjpeg", "image/jpeg",
            "image/heif", "image/heic");
    private static final String ANY = "application/octet-stream";

    private final EvidenceConfig config;

    EvidenceUploads(EvidenceConfig config) {
        this.config = config;
    }

    /** A checked upload in a temporary file, deleted on close. */
    public record Received(Path file, String sha256, long size, EvidenceMediaType type, PhotoMetadata photo)
            implements AutoCloseable {
        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public Received receive(InputStream body, String declaredType, String announcedSha256) {
        String announced = announcedHash(announcedSha256);
        Path file = null;
        try {
            file = Files.createTempFile("evidence-", ".upload");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] head = new byte[EvidenceMediaType.HEAD];
            int headLength = body == null ? 0 : body.readNBytes(head, 0, head.length);
            if (headLength == 0) {
                throw ProblemException.badRequest("empty-evidence", "body", "the file is empty");
            }
            EvidenceMediaType type = EvidenceMediaType.sniff(head, headLength).orElseThrow(() -> unsupported());
            checkDeclared(declaredType, type);
            long limit = limit(type);
            long size = headLength;
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(head, 0, headLength);
                digest.update(head, 0, headLength);
                byte[] buffer = new byte[64 * 1024];
                int read;
                while ((read = body.read(buffer)) > 0) {
                    size += read;
                    if (size > limit) {
                        throw new ProblemException(413, "evidence-too-large", "Payload too large",
                                "body: a " + type.kind().name().toLowerCase(Locale.ROOT) + " may hold at most "
                                        + limit + " bytes", List.of(new Problem.FieldError("body",
                                        "larger than the " + limit + " bytes allowed for this kind of file")));
                    }
                    out.write(buffer, 0, read);
                    digest.update(buffer, 0, read);
                }
            }
            String sha256 = HexFormat.of().formatHex(digest.digest());
            if (announced != null && !announced.equals(sha256)) {
                throw ProblemException.invalidField("evidence-hash-mismatch", SHA256_HEADER,
                        "the file received has SHA-256 " + sha256 + ", not the one announced");
            }
            PhotoMetadata photo = PhotoMetadata.NONE;
            if (type.kind() == EvidenceMediaType.Kind.PHOTO) {
                try (InputStream in = Files.newInputStream(file)) {
                    photo = PhotoMetadata.read(in);
                }
            }
            Received received = new Received(file, sha256, size, type, photo);
            file = null;
            return received;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the temporary folder is cleaned anyway
                }
            }
        }
    }

    private long limit(EvidenceMediaType type) {
        return switch (type.kind()) {
            case PHOTO -> config.maxPhotoSize().asLongValue();
            case VIDEO -> config.maxVideoSize().asLongValue();
            case DOCUMENT -> config.maxDocumentSize().asLongValue();
        };
    }

    private static String announcedHash(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String hash = header.strip().toLowerCase(Locale.ROOT);
        if (!hash.matches("[0-9a-f]{64}")) {
            throw ProblemException.badRequest("invalid-header", SHA256_HEADER, "must be a hex SHA-256 (64 characters)");
        }
        return hash;
    }

    private static void checkDeclared(String declaredType, EvidenceMediaType actual) {
        if (declaredType == null || declaredType.isBlank()) {
            return;
        }
        String declared = declaredType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        declared = ALIASES.getOrDefault(declared, declared);
        if (!declared.equals(ANY) && !declared.equals(actual.mediaType())) {
            throw new ProblemException(415, "evidence-type-mismatch", "Unsupported media type",
                    "Content-Type: declared " + declared + " but the content is " + actual.mediaType(),
                    List.of(new Problem.FieldError("Content-Type", "the content is " + actual.mediaType()
                            + ", not what was declared")));
        }
    }

    private static ProblemException unsupported() {
        return new ProblemException(415, "unsupported-evidence-type", "Unsupported media type",
                "body: the content is none of JPEG, PNG, WebP, HEIC, MP4 or PDF",
                List.of(new Problem.FieldError("body", "the content is none of JPEG, PNG, WebP, HEIC, MP4 or PDF")));
    }
}
