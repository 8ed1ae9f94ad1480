package vn.commops.e2e;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import vn.commops.common.testing.RealSmtpServer;
import vn.commops.common.testing.TestEnvironment;

/**
 * The whole platform as it runs in production: each packaged service and the gateway as its own
 * process, on fresh databases and this run's own topics on the real servers.
 */
public final class Platform implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LISTEN_PORTS_FROM = 20000;
    private static final int LISTEN_PORTS_BELOW = Math.min(ephemeralRangeStart(), 32768);
    private static final int LOG_TAIL_LINES = 40;

    private final Path root = repositoryRoot();
    private final Path logs = root.resolve("e2e-tests/target/e2e-logs");
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();

    private static Platform shared;

    /** One platform for all the end-to-end classes of this run, stopped when the test JVM exits. */
    public static synchronized Platform shared() throws Exception {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "stop-platform"));
        }
        return shared;
    }

    static Platform start() throws Exception {
        Platform platform = new Platform();
        try {
            platform.launchAll();
        } catch (Exception | AssertionError e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    /** A file of the repository, such as a service's seed data. */
    Path repositoryFile(String relativePath) {
        return root.resolve(relativePath);
    }

    /** The repository under test; a plain unit test (no platform) runs in the module's folder. */
    static Path repositoryRoot() {
        return Path.of(System.getProperty("commops.repository.root", ".."));
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + ports.get("gateway");
    }

    /** The operating system's id of a module's process, e.g. {@code activity-service}, to measure it from outside. */
    long pid(String module) {
        return processes.get(module).pid();
    }

    /** A service's own base URL (not through the gateway), e.g. for {@code activity}. */
    String serviceUrl(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** A JDK tool next to the java that runs the processes, e.g. {@code jstat}. */
    static String jdkTool(String name) {
        return Path.of(javaExecutable()).resolveSibling(name).toString();
    }

    /** Each process's base URL, the gateway's first. */
    List<String> processUrls() {
        return ports.values().stream().map(port -> "http://127.0.0.1:" + port).toList();
    }

    private void launchAll() throws Exception {
        Files.createDirectories(logs);
        int gatewayPort = freePort();
        ports.put("gateway", gatewayPort);
        for (String service : List.of("plan", "activity", "indicator", "crisis")) {
            String database = TestEnvironment.database("commops_" + service + "_e2e");
            TestEnvironment.recreateDatabase(database);
            int port = freePort();
            ports.put(service, port);
            Map<String, String> env = infrastructureEnv();
            env.put("COMMOPS_DB_NAME", database);
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            // The services trust the gateway's development issuer, as on a developer's machine.
            env.put("COMMOPS_AUTH_JWKS_URL", "http://127.0.0.1:" + gatewayPort + "/auth/jwks.json");
            // The seeds' flows run on the demo hierarchy (VN, HN, LC, LC-HOPHAI…), as the start command loads it.
            env.put("COMMOPS_DEMO_ENABLED", Boolean.toString(service.equals("plan")));
            if (service.equals("activity")) {
                env.putAll(webhookEnv());
            }
            if (service.equals("plan")) {
                // Notifications go by email to a real SMTP server the tests read (NotificationIT).
                env.put("COMMOPS_MAIL_HOST", "127.0.0.1");
                env.put("COMMOPS_MAIL_PORT", Integer.toString(RealSmtpServer.port()));
                env.put("COMMOPS_MAIL_START_TLS", "DISABLED");
                env.put("COMMOPS_NOTIFICATIONS_SEND_INTERVAL", "1s");
            }
            launch(service + "-service", env);
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(gatewayPort));
        for (String service : List.of("plan", "activity", "indicator", "crisis")) {
            env.put("COMMOPS_GATEWAY_" + service.toUpperCase() + "_URL", "http://127.0.0.1:" + ports.get(service));
        }
        launch("gateway", env);
        for (Map.Entry<String, Integer> entry : ports.entrySet()) {
            awaitReady(entry.getKey(), entry.getValue());
        }
    }

    private static Map<String, String> infrastructureEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("COMMOPS_DB_HOST", TestEnvironment.dbHost());
        env.put("COMMOPS_DB_PORT", TestEnvironment.dbPort());
        env.put("COMMOPS_DB_USER", TestEnvironment.dbUser());
        env.put("COMMOPS_DB_PASSWORD", TestEnvironment.dbPassword());
        env.put("COMMOPS_KAFKA_BOOTSTRAP", TestEnvironment.kafkaBootstrap());
        env.put("COMMOPS_EVENTS_TOPIC_PREFIX", TestEnvironment.topicPrefix());
        return env;
    }

    /** A signing-secret key of this run, and receivers on plain http at 127.0.0.1, as the tests run them. */
    private static Map<String, String> webhookEnv() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Map.of("COMMOPS_WEBHOOKS_SECRET_KEY", Base64.getEncoder().encodeToString(key),
                "COMMOPS_WEBHOOKS_ALLOW_HTTP", "true",
                "COMMOPS_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true",
                "COMMOPS_WEBHOOKS_INITIAL_BACKOFF", "1s",
                "COMMOPS_WEBHOOKS_POLL_INTERVAL", "200ms");
    }

    private void launch(String module, Map<String, String> env) throws IOException {
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services before the end-to-end tests");
        }
        File log = logs.resolve(module + ".log").toFile();
        ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-Xmx192m", "-XX:TieredStopAtLevel=1", "-jar",
                jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log);
        builder.environment().putAll(env);
        processes.put(module, builder.start());
    }

    private void awaitReady(String name, int port) throws Exception {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (Map.Entry<String, Process> process : processes.entrySet()) {
                if (!process.getValue().isAlive()) {
                    throw new AssertionError(diedWhileStarting(process.getKey(), process.getValue().exitValue()));
                }
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(
                        "http://127.0.0.1:" + port + "/q/health/ready").toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(2000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + " not ready on port " + port + " within " + READY_TIMEOUT + "; see " + logs);
    }

    /** The failure with the end of the process's log: a later start overwrites the log files. */
    private String diedWhileStarting(String module, int exitCode) {
        Path log = logs.resolve(module + ".log");
        String tail;
        try {
            List<String> lines = Files.readAllLines(log);
            tail = String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | RuntimeException unreadable) {
            tail = "(cannot read " + log + ": " + unreadable + ")";
        }
        return module + " died while starting (exit code " + exitCode + ", ports " + ports + "); the end of " + log
                + ":\n" + tail;
    }

    @Override
    public void close() {
        processes.values().forEach(Process::destroy);
        for (Process process : processes.values()) {
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * A port that is free now, taken below the kernel's ephemeral range: a port from that range (as
     * {@code new ServerSocket(0)} gives) can become the local end of one of the other services'
     * outgoing connections to PostgreSQL or Kafka before its own service binds it, which then dies
     * with "address already in use".
     */
    private int freePort() throws IOException {
        if (LISTEN_PORTS_BELOW < LISTEN_PORTS_FROM + 1000) {
            // a machine whose ephemeral range starts this low has no port outgoing connections never take
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LISTEN_PORTS_FROM, LISTEN_PORTS_BELOW);
            if (!ports.containsValue(port) && bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException(
                "No free port between " + LISTEN_PORTS_FROM + " and " + LISTEN_PORTS_BELOW);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int ephemeralRangeStart() {
        try {
            // readAllLines, not readString: /proc files report a size of 0, and readString read only the first byte
            return Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException unknown) {
            return 32768; // Linux's default
        }
    }
}
