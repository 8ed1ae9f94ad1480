package vn.commops.common.event;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * How far each of this service's consumer groups is behind, as the broker sees it: the end of each
 * partition minus the group's committed offset. The Kafka client's own lag metric is measured at its
 * fetches, so a consumer that stopped fetching keeps showing its last lag (or none); a committed
 * offset that stops while the log grows is what a stuck consumer looks like. Per partition
 * ({@code commops_consumer_lag_records}) and the largest per group ({@code commops_consumer_lag_max_records},
 * 0 from the start).
 */
@ApplicationScoped
public class ConsumerLag {

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);

    private final MeterRegistry registry;
    private final Map<String, Object> kafkaConfig;
    private final Set<String> groups;
    private final Map<String, AtomicLong> largest = new ConcurrentHashMap<>();
    private final Map<TopicPartitionOfGroup, AtomicLong> byPartition = new ConcurrentHashMap<>();
    private volatile Admin admin;

    private record TopicPartitionOfGroup(String group, TopicPartition partition) {
    }

    ConsumerLag(MeterRegistry registry, Config config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.registry = registry;
        this.kafkaConfig = kafkaConfig;
        this.groups = groupsOf(config);
        for (String group : groups) {
            AtomicLong max = largest.computeIfAbsent(group, g -> new AtomicLong());
            Gauge.builder("commops.consumer.lag.max.records", max, AtomicLong::get).tag("group", group)
                    .description("Most records a partition of the group's topics is behind its committed offset")
                    .register(registry);
        }
    }

    /** The consumer groups of this service's incoming channels. */
    static Set<String> groupsOf(Config config) {
        return StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(name -> name.startsWith("mp.messaging.incoming.") && name.endsWith(".group.id"))
                .map(name -> config.getOptionalValue(name, String.class).orElse(null))
                .filter(group -> group != null && !group.isBlank())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @QuietWhenStopping
    @Scheduled(every = "${commops.events.consumer-lag-interval:15s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        for (String group : groups) {
            try {
                measure(group);
            } catch (Exception e) {
                LOG.debugf(e, "Lag of %s not measured", group); // the broker is away: other metrics and alerts say so
            }
        }
    }

    private void measure(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        committed.keySet().forEach(partition -> ends.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> latest = admin().listOffsets(ends).all().get(10, TimeUnit.SECONDS);
        long max = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
            if (entry.getValue() == null || !latest.containsKey(entry.getKey())) {
                continue;
            }
            long lag = Math.max(0, latest.get(entry.getKey()).offset() - entry.getValue().offset());
            partitionGauge(group, entry.getKey()).set(lag);
            max = Math.max(max, lag);
        }
        largest.get(group).set(max);
    }

    private AtomicLong partitionGauge(String group, TopicPartition partition) {
        return byPartition.computeIfAbsent(new TopicPartitionOfGroup(group, partition), key -> {
            AtomicLong lag = new AtomicLong();
            Gauge.builder("commops.consumer.lag.records", lag, AtomicLong::get)
                    .tags("group", group, "topic", partition.topic(), "partition", Integer.toString(partition.partition()))
                    .description("Records between the partition's end and the group's committed offset")
                    .register(registry);
            return lag;
        });
    }

    private Admin admin() {
        if (admin == null) {
            Map<String, Object> settings = new HashMap<>();
            kafkaConfig.forEach((key, value) -> {
                if (AdminClientConfig.configNames().contains(key)) {
                    settings.put(key, value);
                }
            });
            settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "consumer-lag");
            // Kafka refuses an API timeout below the request timeout; both short, as a scrape waits for neither.
            settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(5).toMillis());
            settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(10).toMillis());
            admin = Admin.create(settings);
        }
        return admin;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
