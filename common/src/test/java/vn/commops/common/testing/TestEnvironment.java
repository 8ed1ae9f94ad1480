package vn.commops.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where the real PostgreSQL and Kafka of this test run are, as the test command exported them
 * ({@code deploy/local/test.sh}); the same defaults as the local platform otherwise.
 */
public final class TestEnvironment {

    /** One run id per JVM: every database and topic this run creates is fresh and its own. */
    private static final String RUN_ID = setting("COMMOPS_TEST_RUN_ID").orElseGet(() ->
            LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                    + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff)));

    private TestEnvironment() {
    }

    public static String dbHost() {
        return setting("COMMOPS_DB_HOST").orElse("127.0.0.1");
    }

    public static String dbPort() {
        return setting("COMMOPS_DB_PORT").orElse("5432");
    }

    public static String dbUser() {
        return setting("COMMOPS_DB_USER").orElse("commops");
    }

    public static String dbPassword() {
        return setting("COMMOPS_DB_PASSWORD").or(TestEnvironment::passwordFromSecretsFile).orElseThrow(() ->
                new IllegalStateException("No COMMOPS_DB_PASSWORD and no secrets file: run the tests with "
                        + "deploy/local/test.sh, which prepares PostgreSQL and Kafka"));
    }

    public static String kafkaBootstrap() {
        return setting("COMMOPS_KAFKA_BOOTSTRAP").orElse("127.0.0.1:9092");
    }

    public static String runId() {
        return RUN_ID;
    }

    /** Topics of this run: {@code test.<run>.activities}. */
    public static String topicPrefix() {
        return "test." + RUN_ID + ".";
    }

    /**
     * The database a test run uses for {@code base}: {@code base} itself, or with COMMOPS_TEST_DB_SUFFIX
     * appended, so that two checkouts can run the same module's tests at once on one server.
     */
    public static String database(String base) {
        return base + setting("COMMOPS_TEST_DB_SUFFIX").orElse("");
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + dbHost() + ":" + dbPort() + "/" + database;
    }

    /** Drops and creates the database, so each run starts from empty tables and fresh migrations. */
    public static void recreateDatabase(String database) {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Unsafe database name " + database);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), dbUser(), dbPassword());
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
            statement.execute("create database " + database + " encoding 'UTF8' template template0");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare test database " + database + " on " + jdbcUrl("postgres")
                    + " as " + dbUser() + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> setting(String name) {
        return Optional.ofNullable(System.getProperty(name)).or(() -> Optional.ofNullable(System.getenv(name)))
                .filter(value -> !value.isBlank());
    }

    private static Optional<String> passwordFromSecretsFile() {
        Path home = setting("COMMOPS_HOME").map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".commops"));
        Path secrets = home.resolve("secrets.env");
        if (!Files.isReadable(secrets)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(secrets)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.ofNullable(properties.getProperty("COMMOPS_DB_PASSWORD"))
                .map(value -> value.replaceAll("^['\"]|['\"]$", ""));
    }
}
