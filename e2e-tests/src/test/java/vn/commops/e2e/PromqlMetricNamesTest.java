package vn.commops.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The tokenizer keeps the series an expression selects and nothing PromQL or Grafana adds around them. */
class PromqlMetricNamesTest {

    @Test
    void findsTheSeriesInsideAnAggregationByLabel() {
        assertEquals(Set.of("commops_outbox_backlog_rows"),
                PromqlMetricNames.in("max by (job) (commops_outbox_backlog_rows) > 0"));
    }

    @Test
    void skipsFunctionsAggregationsLabelNamesAndLabelValues() {
        assertEquals(Set.of("http_server_requests_seconds_count"), PromqlMetricNames.in(
                "sum by (service) (rate(http_server_requests_seconds_count{status=~\"5..\", status!=\"503\"}[5m]))\n"
                        + "  / sum by (service) (rate(http_server_requests_seconds_count[5m])) > 0.01"));
    }

    @Test
    void skipsGrafanaVariablesAndTheStringArgumentsOfLabelReplace() {
        assertEquals(Set.of("kafka_producer_record_send_total"), PromqlMetricNames.in(
                "sum by (service, channel) (label_replace(increase(kafka_producer_record_send_total{"
                        + "service=~\"$service\", client_id=~\"kafka-dead-letter-.*\"}[$__rate_interval]),"
                        + " \"channel\", \"$1\", \"client_id\", \"kafka-consumer-(.*)\")) > ${threshold}"));
    }

    @Test
    void keepsEverySeriesOfABinaryExpressionButNotItsMatchingLabels() {
        assertEquals(Set.of("a_total", "b_seconds", "c_rows"), PromqlMetricNames.in(
                "rate(a_total[5m] offset 1h) / on (service) group_left (client_id) b_seconds"
                        + " unless ignoring(pod) c_rows or vector(0)"));
    }

    @Test
    void readsNumbersAndDurationsAsNoNames() {
        assertEquals(Set.of("foo", "bar"), PromqlMetricNames.in(
                "foo > bool 1e3 and foo offset 1h30m < 0x1f and bar > -inf and bar != nan and max_over_time(bar[5m:30s]) > .5"));
    }

    @Test
    void readsGroupingWrittenAfterTheArgumentAndQuantiles() {
        assertEquals(Set.of("x_total"), PromqlMetricNames.in("sum(rate(x_total[1m])) without (instance, pod)"));
        assertEquals(Set.of("h_bucket"), PromqlMetricNames.in(
                "histogram_quantile(0.95, sum by (le) (rate(h_bucket[5m])))"));
        assertEquals(Set.of("up"), PromqlMetricNames.in("up{job=\"commops\"} == 0"));
    }
}
