package vn.commops.common.export;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;
import org.jboss.logging.Logger;
import vn.commops.common.problem.Problem;
import vn.commops.common.problem.ProblemException;

/**
 * Streams a list to the client as CSV or XLSX, with no page limit and in flat memory: the rows come
 * from one read-only transaction through a server-side cursor ({@code fetchSize} rows per round
 * trip), are written out as they are read, and leave the persistence context every
 * {@code fetchSize} rows. The query is the list's own (same filters, same grants, same order).
 */
@ApplicationScoped
public class Exports {

    private static final Logger LOG = Logger.getLogger(Exports.class);

    private final EntityManager entityManager;
    private final ExportConfig config;

    Exports(EntityManager entityManager, ExportConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    /**
     * The response carrying the export. Everything that can refuse (filters, grants, the size of an
     * XLSX) must have been checked by the caller before, or is checked here, while a problem can still
     * be answered; once the first byte is out, a failure can only cut the file short (and is logged).
     *
     * @param name the file's name without extension, e.g. {@code activities}
     * @param query builds the list's query; called inside the export's transaction
     */
    public <E> Response response(ExportFormat format, String name, List<Column<E>> columns,
            Supplier<PanacheQuery<E>> query) {
        if (format == ExportFormat.XLSX) {
            long rows = query.get().count();
            if (rows >= XlsxSheet.MAX_ROWS) {
                throw new ProblemException(422, "too-many-rows", "Too many rows for one sheet",
                        rows + " rows match; an XLSX sheet holds at most " + (XlsxSheet.MAX_ROWS - 1)
                                + ". Narrow the filters or export CSV",
                        List.of(new Problem.FieldError("format", "xlsx holds at most "
                                + (XlsxSheet.MAX_ROWS - 1) + " rows")));
            }
        }
        Sheet sheet = format == ExportFormat.CSV ? new CsvSheet() : new XlsxSheet(name, config.xlsxRowWindow());
        String[] headers = Column.headers(columns);
        StreamingOutput body = out -> QuarkusTransaction.requiringNew()
                .timeout((int) config.timeout().toSeconds())
                .run(() -> {
                    try {
                        sheet.write(out, headers, sink -> copy(query, columns, sink));
                    } catch (IOException e) {
                        LOG.warnf("Export of %s as %s stopped: %s", name, format, e.getMessage());
                        throw new UncheckedIOException(e);
                    }
                });
        return file(format, name, body);
    }

    /**
     * An export of rows the service computes rather than reads from one table (indicator values,
     * scorecards): asked for a page at a time, {@code 0, 1, 2...} until a page comes back short, each
     * written out and dropped before the next, in one read-only transaction. The first page is
     * computed before the response starts, so that a refusal (a bad filter, an unknown unit) is still
     * a problem, not a cut file.
     */
    public <T> Response paged(ExportFormat format, String name, List<Column<T>> columns, int pageSize,
            IntFunction<List<T>> page) {
        List<T> first = page.apply(0);
        Sheet sheet = format == ExportFormat.CSV ? new CsvSheet() : new XlsxSheet(name, config.xlsxRowWindow());
        String[] headers = Column.headers(columns);
        StreamingOutput body = out -> QuarkusTransaction.requiringNew()
                .timeout((int) config.timeout().toSeconds())
                .run(() -> {
                    try {
                        sheet.write(out, headers, sink -> {
                            entityManager.unwrap(Session.class).setDefaultReadOnly(true);
                            List<T> rows = first;
                            for (int index = 1; ; index++) {
                                for (T row : rows) {
                                    sink.row(Column.cells(columns, row));
                                }
                                sink.flush();
                                entityManager.clear();
                                if (rows.size() < pageSize) {
                                    break;
                                }
                                rows = page.apply(index);
                            }
                        });
                    } catch (IOException e) {
                        LOG.warnf("Export of %s as %s stopped: %s", name, format, e.getMessage());
                        throw new UncheckedIOException(e);
                    }
                });
        return file(format, name, body);
    }

    private static Response file(ExportFormat format, String name, StreamingOutput body) {
        return Response.ok(body, format.mediaType() + (format == ExportFormat.CSV ? "; charset=UTF-8" : ""))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + name + "." + format.extension() + "\"")
                .build();
    }

    private <E> void copy(Supplier<PanacheQuery<E>> query, List<Column<E>> columns, Sheet.Sink sink)
            throws IOException {
        entityManager.unwrap(Session.class).setDefaultReadOnly(true);
        int fetchSize = config.fetchSize();
        try (Stream<E> rows = query.get()
                .withHint(HibernateHints.HINT_FETCH_SIZE, fetchSize)
                .withHint(HibernateHints.HINT_READ_ONLY, true)
                .stream()) {
            int sinceClear = 0;
            for (Iterator<E> it = rows.iterator(); it.hasNext(); ) {
                sink.row(Column.cells(columns, it.next()));
                if (++sinceClear == fetchSize) {
                    // Rows already written need not stay managed; without this the context grows with the file.
                    entityManager.clear();
                    sink.flush();
                    sinceClear = 0;
                }
            }
        }
    }
}
