package vn.commops.common.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Points a service under test at the real PostgreSQL and Kafka broker of this run, with a fresh
 * database of its own. Starts nothing: the test command has started both servers.
 *
 * <p>Use with {@code @QuarkusTestResource(value = RealInfrastructure.class, initArgs =
 * @ResourceArg(name = "database", value = "commops_plan_test"))}.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static final Set<String> PREPARED = ConcurrentHashMap.newKeySet();

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        String base = initArgs.get("database");
        if (base == null) {
            throw new IllegalArgumentException("RealInfrastructure needs a 'database' init argument");
        }
        database = TestEnvironment.database(base);
    }

    @Override
    public Map<String, String> start() {
        // Quarkus may restart the application between test profiles; the database stays fresh per run, not per restart.
        if (PREPARED.add(database)) {
            TestEnvironment.recreateDatabase(database);
        }
        EnglishByDefault.install();
        return Map.of(
                "quarkus.datasource.jdbc.url", TestEnvironment.jdbcUrl(database),
                "quarkus.datasource.username", TestEnvironment.dbUser(),
                "quarkus.datasource.password", TestEnvironment.dbPassword(),
                "kafka.bootstrap.servers", TestEnvironment.kafkaBootstrap(),
                "commops.events.topic-prefix", TestEnvironment.topicPrefix(),
                "mp.jwt.verify.publickey.location", TestTokens.publicKeyFile().toUri().toString(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
        // The database is kept after the run so a failure can be inspected; the next run drops it.
    }
}
