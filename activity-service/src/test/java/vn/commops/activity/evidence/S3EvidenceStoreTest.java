package vn.commops.activity.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import vn.commops.common.testing.PhotoFixtures;

/**
 * The object-store path against a real S3-compatible server: s3proxy (from Maven Central, copied beside the
 * tests by the build) on a temporary folder, as a process of its own.
 */
class S3EvidenceStoreTest {

    private static final String IDENTITY = "evidence-test";
    private static final String CREDENTIAL = "evidence-test-secret";
    private static final String BUCKET = "commops-evidence";

    private static Process s3proxy;
    private static Path folder;
    private static String endpoint;

    @BeforeAll
    static void startS3proxy() throws Exception {
        folder = Files.createTempDirectory("s3proxy");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        endpoint = "http://127.0.0.1:" + port;
        Path properties = folder.resolve("s3proxy.properties");
        Files.createDirectories(folder.resolve("blobs"));
        Files.writeString(properties, String.join("\n",
                "s3proxy.endpoint=" + endpoint,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + IDENTITY,
                "s3proxy.credential=" + CREDENTIAL,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + folder.resolve("blobs")));
        Path jar = Path.of("target", "s3proxy", "s3proxy.jar");
        assertTrue(Files.exists(jar), "the build copies s3proxy to " + jar.toAbsolutePath());
        s3proxy = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-jar", jar.toString(), "--properties", properties.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("s3proxy.log").toFile()).start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!listening(port)) {
            if (!s3proxy.isAlive() || System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("s3proxy did not start: " + Files.readString(folder.resolve("s3proxy.log")));
            }
            Thread.sleep(200);
        }
        try (S3Client admin = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY, CREDENTIAL)))
                .build()) {
            // us-east-1: a bucket made without a location constraint, which s3proxy's filesystem store wants
            admin.createBucket(b -> b.bucket(BUCKET));
        }
    }

    @AfterAll
    static void stopS3proxy() throws IOException {
        if (s3proxy != null) {
            s3proxy.destroy();
        }
        if (folder != null) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    @Test
    void aFileIsStoredUnderItsHashAndReadBack() throws Exception {
        try (S3EvidenceStore store = new S3EvidenceStore(config())) {
            byte[] content = new byte[3 * 1024 * 1024 + 7];
            ThreadLocalRandom.current().nextBytes(content);
            String sha256 = PhotoFixtures.sha256(content);
            Path file = Files.createTempFile("evidence-test", ".bin");
            try {
                Files.write(file, content);
                assertFalse(store.exists(sha256));
                store.put(sha256, file, content.length);
                store.put(sha256, file, content.length);
                assertTrue(store.exists(sha256));
                try (InputStream in = store.open(sha256)) {
                    assertArrayEquals(content, in.readAllBytes());
                }
                try (Stream<Path> stored = Files.walk(folder.resolve("blobs"))) {
                    List<Path> objects = stored.filter(p -> p.getFileName().toString().equals(sha256)).toList();
                    assertTrue(objects.size() == 1, "one object named by its hash: " + objects);
                }
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    @Test
    void anUnknownHashIsNotThere() throws Exception {
        try (S3EvidenceStore store = new S3EvidenceStore(config())) {
            assertFalse(store.exists("0".repeat(64)));
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static EvidenceConfig.S3 config() {
        return new EvidenceConfig.S3() {
            public Optional<String> bucket() {
                return Optional.of(BUCKET);
            }

            public Optional<String> endpoint() {
                return Optional.of(endpoint);
            }

            public String region() {
                return "ap-southeast-1";
            }

            public Optional<String> accessKey() {
                return Optional.of(IDENTITY);
            }

            public Optional<String> secretKey() {
                return Optional.of(CREDENTIAL);
            }

            public boolean pathStyle() {
                return true;
            }

            public String keyPrefix() {
                return "evidence/";
            }
        };
    }
}
