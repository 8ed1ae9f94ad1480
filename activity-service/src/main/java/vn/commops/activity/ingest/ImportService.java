package vn.commops.activity.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.commops.activity.bulk.ActivityWriter;
import vn.commops.activity.activity.Reporter;
import vn.commops.common.csv.Csv;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;

/** Accepts uploads as import jobs, answers their progress and streams their per-record results. */
@ApplicationScoped
public class ImportService {

    private final ObjectMapper objectMapper;
    private final Caller caller;
    private final ImportRunner runner;
    private final BatchReader batchReader;

    ImportService(ObjectMapper objectMapper, Caller caller, ImportRunner runner, BatchReader batchReader) {
        this.objectMapper = objectMapper;
        this.caller = caller;
        this.runner = runner;
        this.batchReader = batchReader;
    }

    @Transactional
    public ImportJobView submit(Reporter reporter, byte[] upload, String contentType, ActivityWriter.Mode mode) {
        if (upload == null || upload.length == 0) {
            throw ProblemException.badRequest("empty-upload", "body", "the upload is empty");
        }
        batchReader.precheck(upload, contentType);
        ImportJob job = new ImportJob();
        job.id = UUID.randomUUID();
        job.owner = caller.name();
        try {
            job.reporter = objectMapper.writeValueAsString(reporter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        job.format = contentType == null ? "application/json" : contentType;
        job.mode = mode;
        job.status = ImportJob.Status.QUEUED;
        job.upload = upload;
        job.submittedAt = OffsetDateTime.now();
        job.persist();
        runner.wakeAfterCommit();
        return ImportJobView.of(job);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ImportJobView get(UUID id) {
        return ImportJobView.of(find(id));
    }

    /** Writes the results, in record order, as NDJSON or CSV. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void writeResults(UUID id, boolean csv, OutputStream out) throws IOException {
        ImportJob job = find(id);
        if (job.status != ImportJob.Status.DONE) {
            throw ProblemException.conflict("import-not-done", "Import " + id + " is " + job.status
                    + "; its results are ready when it is DONE");
        }
        @SuppressWarnings("unchecked")
        List<String> chunks = ImportJob.getEntityManager()
                .createNativeQuery("select results from import_job_result where job_id = :id order by chunk")
                .setParameter("id", id).getResultList();
        if (!csv) {
            for (String chunk : chunks) {
                out.write(chunk.getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        Csv.Out rows = Csv.writer(text, ImportResults.CSV_HEADER);
        for (String chunk : chunks) {
            ImportResults.writeCsv(objectMapper, chunk, rows);
        }
        rows.flush();
        text.flush();
    }

    private ImportJob find(UUID id) {
        ImportJob job = ImportJob.findById(id);
        if (job == null || !(caller.isNationalAdmin() || job.owner.equals(caller.name()))) {
            // Someone else's job is as good as missing: its existence is not theirs to learn.
            throw ProblemException.notFound("Import", id.toString());
        }
        return job;
    }
}
