import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What the fault suite asks of Kafka, with the client jars deploy/local/kafka.sh downloads:
 *
 *   lag BOOTSTRAP GROUP:TOPIC,...   "lag GROUP TOTAL" per group, then "behind GROUP TOPIC-PARTITION LAG" for each
 *                                   partition of the topics named or committed to that is not caught up (no
 *                                   committed offset counts from the partition's start)
 *   dead-letters BOOTSTRAP PREFIX   "dead-letters TOPIC RECORDS" per PREFIXdead-letter.* topic, then "dead-letters total N"
 *   controller BOOTSTRAP            the node id of the active KRaft controller (the metadata quorum's leader)
 *   leaders BOOTSTRAP PREFIX        "leader NODE PARTITIONS" for the PREFIX topics' partitions
 *   under-replicated BOOTSTRAP      "under-replicated N": partitions whose in-sync replicas are fewer than their replicas
 *   health BOOTSTRAP PREFIX GROUP:TOPIC,...   under-replicated, dead-letters and lag in one go
 *   watch BOOTSTRAP FILE PREFIX GROUP:TOPIC,...  the health every second into FILE, first line "at EPOCH_MILLIS"
 *   replay BOOTSTRAP PREFIX         sends every record now on the PREFIX event topics (not the dead-letter ones) a
 *                                   second time, to the same topic and partition with the same key, value and headers
 */
public class KafkaProbe {

    /** The brokers this run asks (the second argument). */
    static String bootstrap;
    /** Where the findings go: the console, or a round of watch. */
    static PrintStream out = System.out;

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: KafkaProbe lag|dead-letters|controller|leaders|under-replicated|replay BOOTSTRAP ...");
            System.exit(2);
        }
        String bootstrap = args[1];
        KafkaProbe.bootstrap = bootstrap;
        try (Admin admin = Admin.create(adminConfig(bootstrap))) {
            switch (args[0]) {
                case "lag" -> lag(admin, List.of(args).subList(2, args.length));
                case "dead-letters" -> deadLetters(admin, args[2]);
                case "controller" -> out.println(admin.describeMetadataQuorum().quorumInfo()
                        .get(15, TimeUnit.SECONDS).leaderId());
                case "leaders" -> leaders(admin, args[2]);
                case "under-replicated" -> underReplicated(admin);
                case "health" -> health(admin, args[2], List.of(args).subList(3, args.length));
                case "watch" -> watch(admin, Path.of(args[2]), args[3], List.of(args).subList(4, args.length));
                case "replay" -> replay(admin, bootstrap, args[2]);
                default -> {
                    System.err.println("unknown command " + args[0]);
                    System.exit(2);
                }
            }
        }
    }

    /** What the suite polls: replicas, dead letters, lag. */
    static void health(Admin admin, String prefix, List<String> groups) throws Exception {
        underReplicated(admin);
        deadLetters(admin, prefix);
        lag(admin, groups);
    }

    /**
     * The health, again and again, into FILE (replaced whole each time, its first line "at EPOCH_MILLIS" when it was
     * measured), so that the suite reads it without starting a JVM per look; stops when FILE's folder is gone. A
     * round the brokers cannot answer leaves the last file, which then grows old.
     */
    static void watch(Admin admin, Path file, String prefix, List<String> groups) throws Exception {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        PrintStream console = System.out;
        while (Files.isDirectory(file.getParent())) {
            long started = System.currentTimeMillis();
            ByteArrayOutputStream round = new ByteArrayOutputStream();
            try (PrintStream buffer = new PrintStream(round, true, StandardCharsets.UTF_8)) {
                out = buffer;
                out.println("at " + started);
                health(admin, prefix, groups);
            } catch (Exception e) {
                console.println("watch: " + e);
                Thread.sleep(1000);
                continue;
            } finally {
                out = console;
            }
            Files.write(tmp, round.toByteArray());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Thread.sleep(Math.max(200, 1000 - (System.currentTimeMillis() - started)));
        }
    }

    static Properties adminConfig(String bootstrap) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        return config;
    }

    /** Each spec is GROUP:TOPIC,TOPIC...: a partition of those topics with no committed offset counts from its start. */
    static void lag(Admin admin, List<String> specs) throws Exception {
        for (String spec : specs) {
            String group = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
            Set<String> topics = new TreeSet<>(spec.contains(":")
                    ? List.of(spec.substring(spec.indexOf(':') + 1).split(",")) : List.of());
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
            committed.keySet().forEach(tp -> topics.add(tp.topic()));
            Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            topics.retainAll(existing);
            List<TopicPartition> partitions = partitions(admin, topics);
            Map<TopicPartition, Long> ends = endOffsets(admin, partitions);
            Map<TopicPartition, Long> starts = offsets(admin, partitions, OffsetSpec.earliest());
            long total = 0;
            List<String> behind = new ArrayList<>();
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet().stream()
                    .sorted(Comparator.comparing(e -> e.getKey().toString())).toList()) {
                OffsetAndMetadata offset = committed.get(end.getKey());
                long from = offset != null ? offset.offset() : starts.getOrDefault(end.getKey(), 0L);
                long lag = end.getValue() - from;
                if (lag > 0) {
                    total += lag;
                    behind.add("behind " + group + " " + end.getKey() + " " + lag + (offset == null ? " (never committed)" : ""));
                }
            }
            out.println("lag " + group + " " + total);
            behind.forEach(out::println);
        }
    }

    static void deadLetters(Admin admin, String prefix) throws Exception {
        Set<String> topics = admin.listTopics().names().get(15, TimeUnit.SECONDS).stream()
                .filter(t -> t.startsWith(prefix + "dead-letter.")).collect(Collectors.toSet());
        List<TopicPartition> partitions = partitions(admin, topics);
        Map<TopicPartition, Long> ends = endOffsets(admin, partitions);
        Map<TopicPartition, Long> starts = offsets(admin, partitions, OffsetSpec.earliest());
        Map<String, Long> perTopic = new TreeMap<>();
        topics.forEach(t -> perTopic.put(t, 0L));
        ends.forEach((tp, end) -> perTopic.merge(tp.topic(), end - starts.getOrDefault(tp, 0L), Long::sum));
        long total = 0;
        for (Map.Entry<String, Long> topic : perTopic.entrySet()) {
            out.println("dead-letters " + topic.getKey() + " " + topic.getValue());
            total += topic.getValue();
        }
        out.println("dead-letters total " + total);
        if (total > 0) {
            printDeadLetters(partitions, starts, ends);
        }
    }

    /** The evidence: the first dead letters of each partition, with the headers saying where from and why. */
    static void printDeadLetters(List<TopicPartition> partitions, Map<TopicPartition, Long> starts,
            Map<TopicPartition, Long> ends) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            for (TopicPartition partition : partitions) {
                long start = starts.getOrDefault(partition, 0L);
                long end = Math.min(ends.getOrDefault(partition, 0L), start + 5);
                if (end <= start) {
                    continue;
                }
                consumer.assign(List.of(partition));
                consumer.seek(partition, start);
                long deadline = System.currentTimeMillis() + 10_000;
                long position = start;
                while (position < end && System.currentTimeMillis() < deadline) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(2))) {
                        if (record.offset() >= end) {
                            break;
                        }
                        StringBuilder line = new StringBuilder("dead-letter-record " + partition + "@" + record.offset()
                                + " timestamp " + java.time.Instant.ofEpochMilli(record.timestamp()));
                        for (var header : record.headers()) {
                            String value = header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
                            line.append(" | ").append(header.key()).append('=')
                                    .append(value.length() > 300 ? value.substring(0, 300) + "..." : value);
                        }
                        String value = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
                        line.append(" | value=").append(value.length() > 400 ? value.substring(0, 400) + "..." : value);
                        out.println(line.toString().replace('\n', ' '));
                    }
                    position = consumer.position(partition);
                }
            }
        }
    }

    static void leaders(Admin admin, String prefix) throws Exception {
        Set<String> topics = admin.listTopics().names().get(15, TimeUnit.SECONDS).stream()
                .filter(t -> t.startsWith(prefix)).collect(Collectors.toSet());
        Map<Integer, Integer> perNode = new TreeMap<>();
        for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get(15, TimeUnit.SECONDS).values()) {
            for (TopicPartitionInfo partition : topic.partitions()) {
                perNode.merge(partition.leader() == null ? -1 : partition.leader().id(), 1, Integer::sum);
            }
        }
        perNode.forEach((node, count) -> out.println("leader " + node + " " + count));
    }

    static void underReplicated(Admin admin) throws Exception {
        Set<String> topics = admin.listTopics().names().get(15, TimeUnit.SECONDS);
        int count = 0;
        for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get(15, TimeUnit.SECONDS).values()) {
            for (TopicPartitionInfo partition : topic.partitions()) {
                if (partition.isr().size() < partition.replicas().size()) {
                    count++;
                }
            }
        }
        out.println("under-replicated " + count);
    }

    /**
     * Every record from each partition's start to the end it had when the replay began goes to the same partition
     * once more: each consumer sees every event a second time, after the events that followed it.
     */
    static void replay(Admin admin, String bootstrap, String prefix) throws Exception {
        Set<String> topics = admin.listTopics().names().get(15, TimeUnit.SECONDS).stream()
                .filter(t -> t.startsWith(prefix) && !t.startsWith(prefix + "dead-letter."))
                .collect(Collectors.toSet());
        List<TopicPartition> partitions = partitions(admin, topics);
        Map<TopicPartition, Long> ends = endOffsets(admin, partitions);
        Map<TopicPartition, Long> starts = offsets(admin, partitions, OffsetSpec.earliest());
        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        producerConfig.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        producerConfig.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        Map<String, Long> sent = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            for (TopicPartition partition : partitions) {
                long start = starts.getOrDefault(partition, 0L);
                long end = ends.getOrDefault(partition, 0L);
                sent.putIfAbsent(partition.topic(), 0L);
                if (end <= start) {
                    continue;
                }
                consumer.assign(List.of(partition));
                consumer.seek(partition, start);
                long position = start;
                while (position < end) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(5))) {
                        if (record.offset() >= end) {
                            break;
                        }
                        producer.send(new ProducerRecord<>(record.topic(), record.partition(), null, record.key(),
                                record.value(), record.headers()));
                        sent.merge(record.topic(), 1L, Long::sum);
                    }
                    position = consumer.position(partition);
                }
            }
            producer.flush();
        }
        long total = 0;
        for (Map.Entry<String, Long> topic : sent.entrySet()) {
            out.println("replayed " + topic.getKey() + " " + topic.getValue());
            total += topic.getValue();
        }
        out.println("replayed total " + total);
    }

    static List<TopicPartition> partitions(Admin admin, Collection<String> topics) throws Exception {
        List<TopicPartition> partitions = new ArrayList<>();
        if (topics.isEmpty()) {
            return partitions;
        }
        for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get(15, TimeUnit.SECONDS).values()) {
            for (TopicPartitionInfo partition : topic.partitions()) {
                partitions.add(new TopicPartition(topic.name(), partition.partition()));
            }
        }
        return partitions;
    }

    static Map<TopicPartition, Long> endOffsets(Admin admin, List<TopicPartition> partitions) throws Exception {
        return offsets(admin, partitions, OffsetSpec.latest());
    }

    static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
            throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        if (request.isEmpty()) {
            return offsets;
        }
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> entry : admin.listOffsets(request).all()
                .get(15, TimeUnit.SECONDS).entrySet()) {
            offsets.put(entry.getKey(), entry.getValue().offset());
        }
        return offsets;
    }
}
