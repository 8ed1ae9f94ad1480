package vn.commops.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * MonitoringIT's check without a platform: what it reads from deploy/ is the pipeline's metrics,
 * and a metric no process exports is reported with where it is named.
 */
class MetricReferencesTest {

    private static final String EXPOSITION = """
            # HELP commops_outbox_relayed_events_total Events the relay sent and Kafka acknowledged
            # TYPE commops_outbox_relayed_events counter
            commops_outbox_relayed_events_total 3.0
            kafka_consumer_fetch_manager_records_lag_max{client_id="kafka-consumer-activities",kafka_version="4.1.1"} NaN
            http_server_requests_seconds_count{method="GET",status="200",uri="/api/v1/plans"} 1.0
            """;

    @Test
    void theDeployedAlertsAndDashboardNameThePipelineMetricsAndNoLabelOrFunction() throws Exception {
        Set<String> names = MetricReferences.read(Platform.repositoryRoot()).names();
        for (String metric : List.of("commops_outbox_backlog_rows", "commops_outbox_oldest_unsent_age_seconds",
                "commops_outbox_relayed_events_total", "commops_outbox_relay_failures_total",
                "commops_inbox_duplicates_total", "commops_consumer_lag_max_records", "commops_consumer_lag_records",
                "kafka_consumer_fetch_manager_records_consumed_total", "kafka_producer_record_send_total",
                "http_server_requests_seconds_count", "http_server_requests_seconds_sum", "up")) {
            assertTrue(names.contains(metric), metric + " not found in " + names);
        }
        for (String notAMetric : List.of("rate", "increase", "sum", "max", "by", "label_replace", "service",
                "client_id", "status", "job", "partition", "consumer", "channel", "datasource")) {
            assertTrue(!names.contains(notAMetric), notAMetric + " taken for a metric: " + names);
        }
    }

    @Test
    void aMadeUpMetricIsReportedWithWhereItIsNamed() {
        MetricReferences references = new MetricReferences();
        references.add("alerts Relayed", "rate(commops_outbox_relayed_events_total[5m]) > 0");
        references.add("alerts MadeUp", "sum by (service) (rate(commops_made_up_total[5m])) > 0");
        references.add("panel Lag", "max by (client_id) (kafka_consumer_fetch_manager_records_lag_max)"
                + " + on (service) commops_made_up_total");

        assertEquals(Map.of("commops_made_up_total", Set.of("alerts MadeUp", "panel Lag")),
                references.notExportedBy(ExportedMetrics.namesIn(EXPOSITION)));
    }

    @Test
    void upIsPrometheusOwnAndNeedsNoExporter() {
        MetricReferences references = new MetricReferences();
        references.add("alerts ServiceDown", "up{job=\"commops\"} == 0");

        assertEquals(Map.of(), references.notExportedBy(Set.of()));
    }

    @Test
    void exportedNamesAreTheSamplesNotTheirComments() {
        assertEquals(Set.of("commops_outbox_relayed_events_total", "kafka_consumer_fetch_manager_records_lag_max",
                "http_server_requests_seconds_count"), ExportedMetrics.namesIn(EXPOSITION));
    }
}
