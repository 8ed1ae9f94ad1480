package vn.commops.activity.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.junit.jupiter.api.Test;
import vn.commops.activity.activity.Activity;

/**
 * A field added to the activity reaches the bulk path too: the table's columns (information_schema, after
 * every migration), the entity's (Hibernate's metamodel) and those ActivityRows writes are one set, but for
 * the columns PostgreSQL fills itself. A column missing from ActivityRows would otherwise be left empty by
 * every bulk write, silently.
 */
@QuarkusTest
class ActivityColumnsTest {

    @Inject
    ActivityRows rows;

    @Inject
    EntityManager entityManager;

    @Test
    void theBulkWriteSendsEveryColumnOfTheTableButThoseTheDatabaseFills() {
        @SuppressWarnings("unchecked")
        List<String> table = entityManager.createNativeQuery("""
                select column_name from information_schema.columns
                where table_schema = current_schema() and table_name = 'activity'""").getResultList();

        assertEquals(written(), new TreeSet<>(table));
    }

    @Test
    void theBulkWriteSendsEveryColumnTheEntityMaps() {
        EntityPersister activity = entityManager.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
                .getMappingMetamodel().getEntityDescriptor(Activity.class);
        Set<String> mapped = new TreeSet<>();
        activity.getIdentifierMapping().forEachSelectable((index, column) -> mapped.add(column.getSelectionExpression()));
        activity.forEachSelectable((index, column) -> mapped.add(column.getSelectionExpression()));

        assertEquals(written(), mapped);
    }

    @Test
    void aColumnIsWrittenOnce() {
        assertEquals(rows.columnNames().size(), Set.copyOf(rows.columnNames()).size());
    }

    /** What a bulk write leaves in a row: the columns it sends, and those PostgreSQL fills. */
    private Set<String> written() {
        Set<String> written = new TreeSet<>(rows.columnNames());
        written.addAll(ActivityRows.FILLED_BY_DATABASE);
        return written;
    }
}
