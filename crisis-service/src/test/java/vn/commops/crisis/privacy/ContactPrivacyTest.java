package vn.commops.crisis.privacy;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.OrgUnitEventsFixture;
import vn.commops.common.testing.TestEnvironment;
import vn.commops.common.testing.TopicProbe;
import vn.commops.crisis.Feedbacks;

/** A person's contact reaches only the restricted endpoint: no event of any topic, no log line, no list. */
@QuarkusTest
class ContactPrivacyTest {

    private static final List<String> OUR_TOPICS = List.of("feedback", "crisis-signals", "crisis-cases",
            "dead-letter.crisis-service");

    private final Collection<String> logLines = new ConcurrentLinkedQueue<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    line.append(' ').append(parameter);
                }
            }
            try {
                line.append(' ').append(new SimpleFormatter().formatMessage(record));
            } catch (RuntimeException ignored) {
                // the raw message and parameters are kept above
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(' ').append(trace);
            }
            logLines.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureEveryLogLine() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void aContactAppearsInNoMessageNoLogLineAndNoList() {
        String phone = "+84 9" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        String email = "privacy-" + UUID.randomUUID() + "@example.vn";
        String[] units = OrgUnitEventsFixture.knownProvinceAndCommune();

        Map<String, Object> call = Feedbacks.item("HOTLINE", "Tôi nghe nói sẽ bỏ rút BHXH một lần, xin gọi lại", units[1]);
        call.put("contact", phone);
        call.put("lawfulBasis", "CONSENT");
        call.put("consentTextVersion", "hotline-consent-2024-01");
        String byPhone = Feedbacks.submit(call);
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            Map<String, Object> mail = Feedbacks.item("EMAIL", "Nghe nói từ tháng sau sẽ bỏ rút BHXH một lần, thư " + n,
                    units[1]);
            mail.put("contact", email);
            mail.put("lawfulBasis", "PUBLIC_TASK");
            batch.add(mail);
        }
        Feedbacks.submitAll(batch);
        // Refused requests must not echo the contact either.
        Map<String, Object> refused = Feedbacks.item("EMAIL", "", units[1]);
        refused.put("contact", email + " ".repeat(300) + phone);
        String problem = asNationalAdmin().contentType(ContentType.JSON).body(refused).when().post("/api/v1/feedback")
                .then().statusCode(400).extract().asString();
        assertNoContact(problem, phone, email, "a problem response");

        // The restricted, audited read works and is the only place the contact shows.
        as("crisis-analyst").when().get("/api/v1/feedback/" + byPhone + "/contact").then().statusCode(200)
                .body("contact", equalTo(phone));

        // A case gathering this feedback, with its events, signals and the post-crisis request.
        String caseId = as("crisis-analyst").contentType(ContentType.JSON)
                .body(Map.of("title", "Tin đồn", "severity", "HIGH", "topicCode", "FALSE_INFORMATION",
                        "orgUnitCode", units[1], "status", "OPEN"))
                .when().post("/api/v1/crisis-cases").then().statusCode(201).extract().path("id");
        as("crisis-analyst").contentType(ContentType.JSON).body(Map.of("feedbackIds", List.of(byPhone)))
                .when().post("/api/v1/crisis-cases/" + caseId + "/links").then().statusCode(200);
        for (String to : List.of("RESPONDING", "RESOLVED")) {
            as("crisis-analyst").contentType(ContentType.JSON).body(Map.of("to", to))
                    .when().post("/api/v1/crisis-cases/" + caseId + "/transitions").then().statusCode(200);
        }
        as("crisis-analyst").contentType(ContentType.JSON).body(Map.of("title", "Thông tin lại", "brief",
                        "Chính sách không đổi", "forms", List.of("NEWS_ARTICLE"), "quantity", 1,
                        "dueDate", LocalDate.now().plusDays(7).toString()))
                .when().post("/api/v1/crisis-cases/" + caseId + "/post-crisis-requests").then().statusCode(201);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> as("viewer").queryParam("orgUnit", units[0]).when().get("/api/v1/signals")
                        .then().extract().<Integer>path("totalItems") > 0);

        for (String path : List.of("/api/v1/feedback?orgUnit=" + units[1] + "&size=500", "/api/v1/feedback/" + byPhone,
                "/api/v1/feedback/clusters?size=500", "/api/v1/feedback/answers", "/api/v1/crisis-cases/" + caseId,
                "/api/v1/crisis-cases/" + caseId + "/timeline", "/api/v1/signals?orgUnit=" + units[0])) {
            String body = as("crisis-analyst").when().get(path).then().statusCode(200).extract().asString();
            assertNoContact(body, phone, email, "GET " + path);
        }

        TopicProbe.awaitEvent("crisis-cases", "crisis-case.post-crisis-communication-requested", caseId);
        List<String> messages = everyMessageOf(OUR_TOPICS);
        assertTrue(messages.stream().anyMatch(m -> m.contains(byPhone)), "the probe read none of our events");
        assertTrue(messages.stream().anyMatch(m -> m.contains("crisis-signal.raised")), "no signal event was read");
        for (String message : messages) {
            assertNoContact(message, phone, email, "a Kafka message");
        }

        assertTrue(logLines.stream().anyMatch(l -> l.contains("Contact of feedback " + byPhone)),
                "the log capture saw nothing: " + logLines.size() + " lines");
        for (String line : logLines) {
            assertNoContact(line, phone, email, "a log line");
        }
    }

    private static void assertNoContact(String text, String phone, String email, String where) {
        assertFalse(text.contains(phone) || text.contains(phone.replace(" ", "")), "the phone number leaked into " + where
                + ": " + text);
        assertFalse(text.contains(email), "the email address leaked into " + where + ": " + text);
    }

    /** Every message on these topics, from the beginning to their current end. */
    private static List<String> everyMessageOf(List<String> topics) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestEnvironment.kafkaBootstrap());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "privacy-" + UUID.randomUUID());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            Map<String, List<PartitionInfo>> existing = consumer.listTopics(Duration.ofSeconds(15));
            for (String topic : topics) {
                for (PartitionInfo info : existing.getOrDefault(TopicProbe.topic(topic), List.of())) {
                    partitions.add(new TopicPartition(info.topic(), info.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read the topics to their end");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.key() + " " + record.value());
                }
            }
        }
        return values;
    }

}
