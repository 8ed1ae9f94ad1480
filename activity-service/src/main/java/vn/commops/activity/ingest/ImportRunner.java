package vn.commops.activity.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;
import vn.commops.activity.bulk.ActivityWriter;
import vn.commops.activity.activity.Reporter;
import vn.commops.common.event.QuietWhenStopping;
import vn.commops.common.problem.ProblemException;

/**
 * Works through queued imports in chunks of 10,000 records, each chunk its own transaction through the
 * same writer as a batch, recording progress and results after each. Jobs are claimed with
 * {@code for update skip locked}, so several instances share the queue without taking a job twice.
 * A job whose runner stopped (its lease, renewed after every chunk, ran out) is taken over by the
 * next poll of any instance and resumed after its last recorded chunk. An instance that is shut down
 * (a rolling update) finishes its chunk and gives the lease up at once, so another instance resumes
 * the job within a poll instead of after the lease.
 */
@ApplicationScoped
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);
    /** A chunk takes a few seconds; Quarkus' shutdown and Kubernetes' grace period leave more. */
    private static final Duration HAND_OVER_WAIT = Duration.ofSeconds(20);

    private final BatchReader reader;
    private final ActivityWriter writer;
    private final ObjectMapper objectMapper;
    private final TransactionSynchronizationRegistry transactions;
    private final ImportsConfig config;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile boolean stopping;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "activity-imports");
        thread.setDaemon(true);
        return thread;
    });

    ImportRunner(BatchReader reader, ActivityWriter writer, ObjectMapper objectMapper,
            TransactionSynchronizationRegistry transactions, ImportsConfig config) {
        this.reader = reader;
        this.writer = writer;
        this.objectMapper = objectMapper;
        this.transactions = transactions;
        this.config = config;
    }

    /** Starts the queued job as soon as the submitting transaction commits. */
    void wakeAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED && wakeQueued.compareAndSet(false, true)) {
                    worker.execute(() -> {
                        wakeQueued.set(false);
                        runQueued();
                    });
                }
            }
        });
    }

    @QuietWhenStopping
    @Scheduled(every = "${commops.imports.poll-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            runQueued();
        } catch (RuntimeException e) {
            // The database may be gone for a moment (or for good, at shutdown); the next poll tries again.
            LOG.debugf("Import queue not polled: %s", e.getMessage());
        }
    }

    void runQueued() {
        if (!running.tryLock()) {
            return;
        }
        try {
            for (UUID id = stopping ? null : claim(); id != null; id = stopping ? null : claim()) {
                run(id);
            }
        } finally {
            running.unlock();
        }
    }

    /** The oldest queued job, or a running one whose runner stopped: its lease ran out. */
    private UUID claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> ids = ImportJob.getEntityManager().createNativeQuery("""
                    update import_job set status = 'RUNNING', started_at = coalesce(started_at, now()),
                           heartbeat_at = now(), version = version + 1
                    where id = (select id from import_job
                                where status = 'QUEUED' or (status = 'RUNNING'
                                      and coalesce(heartbeat_at, started_at) < now() - make_interval(secs => :lease))
                                order by submitted_at for update skip locked limit 1)
                    returning id""").setParameter("lease", (double) config.lease().toMillis() / 1000)
                    .getResultList();
            return ids.isEmpty() ? null : (UUID) ids.get(0);
        });
    }

    /** The first chunk without recorded results: 0 for a new job, further on for one taken over. */
    private int firstUnrecordedChunk(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) ImportJob.getEntityManager().createNativeQuery(
                "select coalesce(max(chunk) + 1, 0) from import_job_result where job_id = :id")
                .setParameter("id", id).getSingleResult()).intValue());
    }

    /** Renews the job's lease, in the caller's transaction, by the database's clock that claim() reads. */
    private static void renewLease(UUID id) {
        ImportJob.getEntityManager().createNativeQuery("update import_job set heartbeat_at = now() where id = :id")
                .setParameter("id", id).executeUpdate();
    }

    private record Loaded(Reporter reporter, List<ActivityWriter.Submitted> records, ActivityWriter.Mode mode) {
    }

    private void run(UUID id) {
        try {
            Loaded job = QuarkusTransaction.requiringNew().call(() -> {
                ImportJob stored = ImportJob.findById(id);
                Reporter reporter = objectMapper.readValue(stored.reporter, Reporter.class);
                List<ActivityWriter.Submitted> records = reader.read(new ByteArrayInputStream(stored.upload),
                        stored.format, config.maxRecords());
                stored.total = records.size();
                return new Loaded(reporter, records, stored.mode);
            });
            List<List<ActivityWriter.Submitted>> chunks = chunks(job.records());
            boolean applying = job.mode() == ActivityWriter.Mode.PER_RECORD;
            if (job.mode() == ActivityWriter.Mode.ALL_OR_NOTHING) {
                // A first pass that writes nothing decides whether the whole upload goes in.
                applying = true;
                for (List<ActivityWriter.Submitted> chunk : chunks) {
                    ActivityWriter.Written dry = writer.write(job.reporter(), chunk, ActivityWriter.Mode.DRY_RUN, false);
                    if (dry.results().stream().anyMatch(r -> r.outcome() == ActivityWriter.Outcome.REJECTED
                            || r.outcome() == ActivityWriter.Outcome.CONFLICT)) {
                        applying = false;
                        break;
                    }
                    if (stopping) {
                        releaseLease(id);
                        return;
                    }
                    QuarkusTransaction.requiringNew().run(() -> renewLease(id));
                }
            } else if (applying) {
                writer.requireGrants(job.reporter(), job.records());
            }
            ActivityWriter.Mode mode = applying ? ActivityWriter.Mode.PER_RECORD : ActivityWriter.Mode.DRY_RUN;
            // A job taken over resumes after its last recorded chunk; the chunks before are written and
            // counted. Its all-or-nothing verdict comes out the same: the records already written are
            // unchanged now, neither rejected nor in conflict.
            for (int c = firstUnrecordedChunk(id); c < chunks.size(); c++) {
                if (stopping) {
                    releaseLease(id);
                    return;
                }
                ActivityWriter.Written written = writer.write(job.reporter(), chunks.get(c), mode, false);
                record(id, c, written);
            }
            finish(id, ImportJob.Status.DONE, null);
        } catch (ProblemException e) {
            finish(id, ImportJob.Status.FAILED, e.getMessage() + (e.errors().isEmpty() ? ""
                    : ": " + String.join("; ", e.errors().stream().limit(20).map(f -> f.field() + " " + f.message()).toList())));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Import %s failed", id);
            finish(id, ImportJob.Status.FAILED, "the import failed unexpectedly; submit it again (replays are idempotent)");
        }
    }

    /** The job stays RUNNING with a lease already run out: the next poll of any instance resumes it. */
    private static void releaseLease(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> ImportJob.getEntityManager().createNativeQuery(
                "update import_job set heartbeat_at = to_timestamp(0) where id = :id")
                .setParameter("id", id).executeUpdate());
        LOG.infof("Import %s handed over: this instance is stopping", id);
    }

    private List<List<ActivityWriter.Submitted>> chunks(List<ActivityWriter.Submitted> records) {
        List<List<ActivityWriter.Submitted>> chunks = new ArrayList<>();
        for (int from = 0; from < records.size(); from += config.chunkSize()) {
            chunks.add(records.subList(from, Math.min(records.size(), from + config.chunkSize())));
        }
        return chunks;
    }

    private void record(UUID id, int chunk, ActivityWriter.Written written) {
        String results = ImportResults.toNdjson(objectMapper, written.results());
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob.getEntityManager().createNativeQuery(
                    "insert into import_job_result (job_id, chunk, results) values (:id, :chunk, :results)")
                    .setParameter("id", id).setParameter("chunk", chunk).setParameter("results", results)
                    .executeUpdate();
            ImportJob job = ImportJob.findById(id);
            for (ActivityWriter.Result result : written.results()) {
                switch (result.outcome()) {
                    case CREATED -> job.created++;
                    case UNCHANGED -> job.unchanged++;
                    case CORRECTED -> job.corrected++;
                    case CONFLICT -> job.conflicts++;
                    case REJECTED -> job.rejected++;
                }
            }
            job.processed += written.results().size();
            renewLease(id);
        });
    }

    private void finish(UUID id, ImportJob.Status status, String failure) {
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = ImportJob.findById(id);
            job.status = status;
            job.failure = failure;
            job.finishedAt = OffsetDateTime.now();
            job.upload = null;
        });
    }

    /** Before the beans go: the chunk under way is finished and recorded, then its job handed over. */
    void handOver(@Observes ShutdownEvent shutdown) {
        stopping = true;
        try {
            if (running.tryLock(HAND_OVER_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                running.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void close() {
        worker.shutdownNow();
    }
}
