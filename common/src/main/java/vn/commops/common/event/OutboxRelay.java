package vn.commops.common.event;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.postgresql.PGStatement;

/**
 * Relays committed outbox rows to Kafka and marks them published once the broker has acknowledged
 * them. Delivery is at least once: a crash between the ack and the commit resends the batch, which
 * consumers absorb because they deduplicate on the event id. A record carries, as its
 * {@code traceparent} header, the trace context its row was written in ({@link TraceParent}), so that
 * consumers continue the trace of the request that caused the event; the relay's own pass is no span.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any constant shared by every instance of a service: one relay at a time keeps per-key order. */
    private static final long RELAY_LOCK = 0x636f6d6d6f7073L;
    private static final long GAP_RECHECK_MILLIS = 50;

    private final EntityManager entityManager;
    private final EventsConfig config;
    private final OutboxMetrics metrics;
    private final Map<String, Object> kafkaConfig;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final ScheduledExecutorService waker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Producer<byte[], byte[]> producer;
    private final RelayCursor cursor;
    private final AtomicBoolean sweepDue = new AtomicBoolean();

    OutboxRelay(EntityManager entityManager, EventsConfig config, OutboxMetrics metrics,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.entityManager = entityManager;
        this.config = config;
        this.metrics = metrics;
        this.kafkaConfig = kafkaConfig;
        this.cursor = new RelayCursor(config.relay().gapTimeout().toNanos());
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
                metrics.relayed(batch);
            } while (batch >= config.relay().batchSize());
        } catch (RuntimeException e) {
            if (ProcessShutdown.underway()) {
                // the persistence unit closes under the last passes; the next start, or another instance, relays the rest
                LOG.debugf("Outbox relay stopped with the process: %s", e.getMessage());
                return sent;
            }
            metrics.relayFailed();
            LOG.warnf("Outbox relay paused, will retry: %s", e.getMessage());
        } finally {
            running.unlock();
        }
        if (cursor.openGaps() > 0) {
            // Skipped ids usually settle within milliseconds; looking again soon keeps their events
            // from waiting for the next commit or the next scheduled pass.
            try {
                waker.schedule(this::wake, GAP_RECHECK_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                // shutting down: the next start reads below its first pass as one gap
            }
        }
        return sent;
    }

    /** Anything a cursor and its gaps could miss (a commit that failed after its rows were sent, another instance's rows) is sent by the next sweep. */
    @Scheduled(every = "${commops.events.relay.sweep-interval:1m}")
    void sweepSoon() {
        sweepDue.set(true);
        wake();
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
        return entityManager.unwrap(Session.class).doReturningWork(this::relayBatch);
    }

    /**
     * An unsent outbox row: one event ({@code payload}) or many ({@code eventsLz4}, or {@code events}
     * in rows older than the compression; see {@link OutboxBatch}),
     * keys and envelopes as the UTF-8 bytes PostgreSQL sent, which go to Kafka as they are (the
     * partition of a key is computed from those same bytes).
     */
    private record Unsent(String topic, byte[] key, byte[] payload, byte[] events, byte[] eventsLz4, int count,
            Header traceparent) {
    }

    /**
     * One pass, in plain JDBC: the rows after the cursor, the rows of gaps that have settled, and,
     * when a sweep is due, what is still unsent below the cursor; about {@code batch-size} events,
     * whole rows. The ids go back as one array. Returns how many events were read after the cursor
     * (or below it, when sweeping): at least the batch size when there may be more.
     */
    private int relayBatch(Connection connection) throws SQLException {
        int limit = config.relay().batchSize();
        TreeMap<Long, Unsent> rows = new TreeMap<>();
        long[] fresh = read(connection, "id > ?", cursor.after(), limit, rows);
        long[] snapshot = snapshot(connection);
        long now = System.nanoTime();
        List<RelayCursor.Gap> settled = cursor.settled(snapshot[0], now);
        if (!settled.isEmpty()) {
            readGaps(connection, settled, rows);
        }
        boolean sweeping = sweepDue.get();
        long[] swept = sweeping ? read(connection, "id <= ?", cursor.after(), limit, rows) : new long[0];
        if (rows.isEmpty()) {
            cursor.closed(settled);
            sweepDue.compareAndSet(sweeping, false);
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (Unsent row : rows.values()) {
            if (row.payload() != null) {
                acks.add(producer().send(record(row, row.key(), row.payload())));
            } else if (row.eventsLz4() != null) {
                OutboxBatch.forEachCompressed(row.eventsLz4(),
                        (key, envelope) -> acks.add(producer().send(record(row, key, envelope))));
            } else {
                OutboxBatch.forEach(row.events(),
                        (key, envelope) -> acks.add(producer().send(record(row, key, envelope))));
            }
        }
        awaitAcks(acks);
        try (PreparedStatement published = connection.prepareStatement(
                "update outbox_event set published_at = now() where id = any(?)")) {
            published.setArray(1, connection.createArrayOf("bigint", rows.keySet().toArray()));
            published.executeUpdate();
        }
        cursor.seen(fresh, snapshot[1], now);
        cursor.closed(settled);
        int sweptEvents = events(swept, rows);
        if (sweeping && sweptEvents < limit) {
            sweepDue.set(false);
        }
        return Math.max(events(fresh, rows), sweptEvents);
    }

    /** A record of the row's topic, with the trace context the row was written in, if any. */
    private static ProducerRecord<byte[], byte[]> record(Unsent row, byte[] key, byte[] envelope) {
        // Headers of their own for each record: the producer marks a record's headers read-only once sent.
        Headers headers = row.traceparent() == null ? null : new RecordHeaders(new Header[] {row.traceparent()});
        return new ProducerRecord<>(row.topic(), null, key, envelope, headers);
    }

    private static int events(long[] ids, Map<Long, Unsent> rows) {
        int events = 0;
        for (long id : ids) {
            events += rows.get(id).count();
        }
        return events;
    }

    /**
     * Unsent rows matching {@code condition} on the id, in id order, into {@code rows}, as many as
     * hold {@code limit} events (at least one row); returns their ids.
     */
    private static long[] read(Connection connection, String condition, long id, int limit, Map<Long, Unsent> rows)
            throws SQLException {
        try (PreparedStatement pending = connection.prepareStatement(
                "select id, topic, message_key, payload, events, events_lz4, event_count, traceparent from ("
                        + "select id, topic, message_key, cast(payload as text) as payload, events, events_lz4, event_count, "
                        + "traceparent, "
                        + "sum(event_count) over (order by id) - event_count as events_before from outbox_event "
                        + "where published_at is null and " + condition + " order by id limit ?) o "
                        + "where events_before < ? order by id")) {
            pending.setLong(1, id);
            pending.setInt(2, limit);
            pending.setInt(3, limit);
            return collect(pending, rows);
        }
    }

    private static void readGaps(Connection connection, List<RelayCursor.Gap> gaps, Map<Long, Unsent> rows)
            throws SQLException {
        try (PreparedStatement late = connection.prepareStatement(
                "select o.id, o.topic, o.message_key, cast(o.payload as text), o.events, o.events_lz4, o.event_count, "
                        + "o.traceparent "
                        + "from unnest(?::bigint[], ?::bigint[]) as g(low, high) "
                        + "join outbox_event o on o.id between g.low and g.high where o.published_at is null")) {
            late.setArray(1, connection.createArrayOf("bigint", gaps.stream().map(RelayCursor.Gap::from).toArray()));
            late.setArray(2, connection.createArrayOf("bigint", gaps.stream().map(RelayCursor.Gap::to).toArray()));
            collect(late, rows);
        }
    }

    private static long[] collect(PreparedStatement query, Map<Long, Unsent> rows) throws SQLException {
        // Results in binary, from the first execution: a compressed batch (bytea) then arrives as its
        // bytes, not as hex text twice their size for the driver to decode.
        query.unwrap(PGStatement.class).setPrepareThreshold(-1);
        List<Long> ids = new ArrayList<>();
        try (ResultSet result = query.executeQuery()) {
            while (result.next()) {
                long id = result.getLong(1);
                ids.add(id);
                // getBytes on a text or json column is the text's bytes as received: no decoding to a String and back
                byte[] traceparent = result.getBytes(8);
                rows.put(id, new Unsent(result.getString(2), result.getBytes(3), result.getBytes(4),
                        result.getBytes(5), result.getBytes(6), result.getInt(7),
                        traceparent == null ? null : new RecordHeader(TraceParent.HEADER, traceparent)));
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    /** The xmin and xmax of a snapshot taken now. */
    private static long[] snapshot(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select pg_snapshot_xmin(s)::text::bigint, pg_snapshot_xmax(s)::text::bigint from pg_current_snapshot() s");
                ResultSet result = query.executeQuery()) {
            result.next();
            return new long[] {result.getLong(1), result.getLong(2)};
        }
    }

    private void awaitAcks(List<Future<RecordMetadata>> acks) {
        long deadline = System.nanoTime() + config.relay().ackTimeout().toNanos();
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The broker did not acknowledge the batch: " + e.getMessage(), e);
        }
    }

    private Producer<byte[], byte[]> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(producerConfig(), new ByteArraySerializer(), new ByteArraySerializer());
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
        // A relay pass sends thousands of events at once; the default 16 KB batches (about 20 events)
        // made the producer and the broker handle each small batch on its own.
        settings.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
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
            producer.close(Duration.ofSeconds(5));
        }
    }
}
