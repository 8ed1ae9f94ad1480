package vn.commops.common.event;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Relays committed outbox rows to Kafka and marks them published once the broker has acknowledged
 * them. Delivery is at least once: a crash between the ack and the commit resends the batch, which
 * consumers absorb because they deduplicate on the event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any constant shared by every instance of a service: one relay at a time keeps per-key order. */
    private static final long RELAY_LOCK = 0x636f6d6d6f7073L;

    private final EntityManager entityManager;
    private final EventsConfig config;
    private final Map<String, Object> kafkaConfig;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final ExecutorService waker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Producer<String, String> producer;

    OutboxRelay(EntityManager entityManager, EventsConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.entityManager = entityManager;
        this.config = config;
        this.kafkaConfig = kafkaConfig;
    }

    /** Asks for a relay pass soon; many commits in a burst cost one pass. */
    public void wake() {
        if (wakeQueued.compareAndSet(false, true)) {
            waker.execute(() -> {
                wakeQueued.set(false);
                relayPending();
            });
        }
    }

    @Scheduled(every = "${commops.events.relay.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayOnSchedule() {
        relayPending();
    }

    /** Relays until the outbox is empty or the broker fails; returns how many events were sent. */
    public int relayPending() {
        if (!running.tryLock()) {
            return 0;
        }
        int sent = 0;
        try {
            int batch;
            do {
                batch = QuarkusTransaction.requiringNew().call(this::relayBatch);
                sent += batch;
            } while (batch == config.relay().batchSize());
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay paused, will retry: %s", e.getMessage());
        } finally {
            running.unlock();
        }
        return sent;
    }

    @Scheduled(every = "1h", delayed = "1m")
    void purgeRelayedEvents() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(config.relay().retention());
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createQuery("delete from OutboxMessage m where m.publishedAt < :before")
                .setParameter("before", before)
                .executeUpdate());
    }

    private int relayBatch() throws Exception {
        Boolean locked = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", RELAY_LOCK)
                .getSingleResult();
        if (!locked) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select id, topic, message_key, cast(payload as text) from outbox_event "
                        + "where published_at is null order by id limit :limit")
                .setParameter("limit", config.relay().batchSize())
                .getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        List<Long> ids = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            ids.add(((Number) row[0]).longValue());
            acks.add(producer().send(new ProducerRecord<>((String) row[1], (String) row[2], (String) row[3])));
        }
        long deadline = System.nanoTime() + config.relay().ackTimeout().toNanos();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        entityManager.createNativeQuery("update outbox_event set published_at = now() where id in (:ids)")
                .setParameter("ids", ids)
                .executeUpdate();
        return rows.size();
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer());
                }
            }
        }
        return producer;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> settings = new HashMap<>(kafkaConfig);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.relay().ackTimeout().toMillis());
        settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        return settings;
    }

    @PreDestroy
    void close() {
        waker.shutdownNow();
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
