package vn.commops.activity.evidence;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Evidence files: size limits per kind, storage, thumbnails and how far EXIF may stray from the activity. */
@ConfigMapping(prefix = "commops.evidence")
public interface EvidenceConfig {

    /** Largest photo (JPEG, PNG, WebP, HEIC). */
    @WithDefault("20M")
    MemorySize maxPhotoSize();

    /** Largest document (PDF). */
    @WithDefault("20M")
    MemorySize maxDocumentSize();

    /** Largest video (MP4). */
    @WithDefault("200M")
    MemorySize maxVideoSize();

    /** Bytes per row of evidence_chunk when files are kept in PostgreSQL. */
    @WithDefault("1M")
    MemorySize chunkSize();

    /** Longest side of a thumbnail, in pixels. */
    @WithDefault("320")
    int thumbnailSize();

    /** How far a photo's EXIF capture time may lie outside the activity's startedAt..endedAt. */
    @WithDefault("P1D")
    Duration timeTolerance();

    /** How far, in km, a photo's EXIF position may lie from the activity's. */
    @WithDefault("20")
    double distanceToleranceKm();

    /**
     * The platform's public address (the gateway) that an attached file's {@code evidence[].url} starts with, so
     * that a reader of the activity finds the file where it may download it.
     */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    S3 s3();

    /** An S3-compatible object store; files go there instead of PostgreSQL when a bucket is set. */
    interface S3 {
        Optional<String> bucket();

        /** The store's URL, e.g. https://s3.ap-southeast-1.amazonaws.com or a MinIO/Ceph address; AWS's when unset. */
        Optional<String> endpoint();

        @WithDefault("ap-southeast-1")
        String region();

        Optional<String> accessKey();

        Optional<String> secretKey();

        /** bucket in the path (http://host/bucket/key) rather than the host name, as most self-hosted stores want. */
        @WithDefault("true")
        boolean pathStyle();

        /** Prefix of every key, so that one bucket can serve several platforms. */
        @WithDefault("evidence/")
        String keyPrefix();
    }
}
