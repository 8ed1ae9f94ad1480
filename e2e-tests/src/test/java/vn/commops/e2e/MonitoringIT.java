package vn.commops.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.e2e.Gateway.admin;

import io.restassured.RestAssured;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The alert rules and the dashboard under deploy/ watch metrics that exist: every metric their
 * expressions name is exported by at least one process of the platform. A renamed metric would
 * otherwise leave an alert that can never fire and a panel that stays empty.
 * <p>
 * {@code -Dcommops.monitoring.targets=http://127.0.0.1:8080,http://127.0.0.1:8081,...} runs it
 * against a platform already running (the gateway first) instead of starting one.
 */
class MonitoringIT {

    /**
     * How long metrics that follow events may take: the Kafka client's reach Micrometer when its
     * binder re-reads them, every 60 s, and the per-partition lag exists only once a consumer has
     * fetched records since its partitions were assigned.
     */
    private static final Duration EVENT_METRICS_BOUND = Duration.ofSeconds(90);

    private static List<String> processes;

    @BeforeAll
    static void startPlatform() throws Exception {
        String targets = System.getProperty("commops.monitoring.targets", "");
        processes = targets.isBlank() ? Platform.shared().processUrls() : Arrays.asList(targets.split(","));
        RestAssured.baseURI = processes.get(0);
    }

    @Test
    void everyMetricTheAlertsAndTheDashboardNameIsExported() throws Exception {
        MetricReferences references = MetricReferences.read(Platform.repositoryRoot());
        assertTrue(references.names().contains("commops_outbox_backlog_rows"),
                "the references were not read: " + references.names());
        causeTraffic();
        try {
            await().atMost(EVENT_METRICS_BOUND).pollInterval(Duration.ofSeconds(1)).until(() ->
                    references.notExportedBy(ExportedMetrics.scrape(processes)).keySet().stream()
                            .noneMatch(MonitoringIT::followsEvents));
        } catch (ConditionTimeoutException stillMissing) {
            // named below with everything else missing
        }
        Map<String, Set<String>> missing = references.notExportedBy(ExportedMetrics.scrape(processes));
        assertTrue(missing.isEmpty(), () -> "No process of " + processes + " exports these metrics, named in "
                + "deploy/: " + missing);
    }

    /**
     * The Kafka client's metrics, an inbox consumer's duplicates counter (made at its first event) and
     * a partition's lag (once its group has committed an offset and the next measure ran).
     */
    private static boolean followsEvents(String metric) {
        return metric.startsWith("kafka_") || metric.startsWith("commops_inbox_")
                || metric.equals("commops_consumer_lag_records");
    }

    /**
     * A request to each service, whose HTTP timers exist only once they timed one; and an org unit,
     * whose event the other three services consume, so their consumers' lag is measured.
     */
    private static void causeTraffic() {
        for (String list : List.of("/api/v1/plans", "/api/v1/activities", "/api/v1/indicators", "/api/v1/topics")) {
            admin().when().get(list).then().statusCode(200);
        }
        Gateway.createUnit("VN" + Gateway.uniqueSuffix(), "Bảo hiểm xã hội Việt Nam (monitoring)", "NATIONAL", null);
    }
}
