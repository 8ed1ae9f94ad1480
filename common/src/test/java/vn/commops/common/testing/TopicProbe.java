package vn.commops.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes this run's topics on the real broker, the way another service would. */
public final class TopicProbe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TopicProbe() {
    }

    /** The full topic name of this run, e.g. {@code topic("activities")}. */
    public static String topic(String name) {
        return TestEnvironment.topicPrefix() + name;
    }

    /** A message as consumed: its key, its value parsed as JSON, and its headers (the last value of each). */
    public record Received(String key, JsonNode value, Map<String, String> headers) {

        /** The header's value as text; null when the message has none. */
        public String header(String name) {
            return headers.get(name);
        }
    }

    /** Waits until a message on the topic matches, reading from the beginning; fails after the timeout. */
    public static Received awaitMessage(String topicName, Predicate<Received> matching, Duration timeout) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestEnvironment.kafkaBootstrap());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic(topicName)));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    seen.add(record.value());
                    Map<String, String> headers = new HashMap<>();
                    record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
                    Received received = new Received(record.key(), parse(record.value()), headers);
                    if (matching.test(received)) {
                        return received;
                    }
                }
            }
        }
        throw new AssertionError("No matching message on " + topic(topicName) + " within " + timeout
                + "; saw " + seen.size() + ": " + seen);
    }

    public static Received awaitEvent(String topicName, String type, String subject) {
        return awaitMessage(topicName, m -> type.equals(m.value().path("type").asText())
                && subject.equals(m.value().path("subject").asText()), Duration.ofSeconds(15));
    }

    /** Publishes raw values under one key, waiting for the broker's acknowledgement. */
    public static void send(String topicName, String key, String... values) {
        send(topicName, key, Map.of(), values);
    }

    /** Publishes raw values under one key with these headers, as the outbox relay adds a traceparent. */
    public static void send(String topicName, String key, Map<String, String> headers, String... values) {
        Map<String, Object> settings = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestEnvironment.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic(topicName), key, value);
                headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
                producer.send(record).get(15, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot publish to " + topic(topicName), e);
        }
    }

    /** A value that is not JSON (a poison message, say) is kept as text. */
    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(value);
        }
    }
}
