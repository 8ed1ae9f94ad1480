package vn.commops.activity.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Evidence in an S3-compatible bucket, one object per content under {@code keyPrefix + sha256}. An object
 * store takes no part in the database transaction: an upload refused after its put leaves an object that no
 * row names, harmless because it is the content of its name and the next upload of it finds it there.
 */
class S3EvidenceStore implements EvidenceStore, AutoCloseable {

    static final String NAME = "S3";

    private final S3Client client;
    private final String bucket;
    private final String keyPrefix;

    S3EvidenceStore(EvidenceConfig.S3 config) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(config.region()))
                .forcePathStyle(config.pathStyle())
                // Checksums only where S3 requires them: the SDK's default trailing checksums in aws-chunked
                // bodies are refused by many S3-compatible stores (s3proxy, older MinIO and Ceph); the content's
                // integrity is ours to check anyway, by its name.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        config.endpoint().ifPresent(endpoint -> builder.endpointOverride(URI.create(endpoint)));
        if (config.accessKey().isPresent() && config.secretKey().isPresent()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(config.accessKey().get(), config.secretKey().get())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        this.client = builder.build();
        this.bucket = config.bucket().orElseThrow();
        this.keyPrefix = config.keyPrefix();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void put(String sha256, Path file, long size) throws IOException {
        if (exists(sha256)) {
            return;
        }
        try {
            client.putObject(b -> b.bucket(bucket).key(keyPrefix + sha256).contentLength(size), RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw new IOException("Evidence " + sha256 + " could not be stored in bucket " + bucket, e);
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        try {
            return client.getObject(b -> b.bucket(bucket).key(keyPrefix + sha256));
        } catch (SdkException e) {
            throw new IOException("Evidence " + sha256 + " could not be read from bucket " + bucket, e);
        }
    }

    @Override
    public boolean exists(String sha256) throws IOException {
        try {
            client.headObject(b -> b.bucket(bucket).key(keyPrefix + sha256));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new IOException("Bucket " + bucket + " could not be asked for evidence " + sha256, e);
        } catch (SdkException e) {
            throw new IOException("Bucket " + bucket + " could not be asked for evidence " + sha256, e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
