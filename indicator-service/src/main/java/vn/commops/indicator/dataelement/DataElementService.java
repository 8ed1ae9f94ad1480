package vn.commops.indicator.dataelement;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import vn.commops.common.problem.ProblemException;

/** The catalogue of data elements: activity elements are fixed by the event contract, statistics may be added. */
@ApplicationScoped
public class DataElementService {

    private final DataElementEvents events;

    DataElementService(DataElementEvents events) {
        this.events = events;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DataElementView> list(DataElementKind kind) {
        List<DataElement> elements = kind == null
                ? DataElement.listAll(Sort.by("kind").and("code"))
                : DataElement.list("kind", Sort.by("code"), kind);
        return elements.stream().map(DataElementView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DataElementView get(String code) {
        return DataElementView.of(find(code).orElseThrow(() -> ProblemException.notFound("Data element", code)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<DataElement> find(String code) {
        return DataElement.findByIdOptional(code);
    }

    /** Whether the code is of plan-service's target-group vocabulary (as replicated here, V7 and campaigns events). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isTargetGroup(String code) {
        return !DataElement.getEntityManager().createNativeQuery("select 1 from target_group where code = :code")
                .setParameter("code", code).getResultList().isEmpty();
    }

    /** Adds a reported statistic; the same definition again is accepted unchanged, a different one conflicts. */
    @Transactional
    public DataElementView defineStatistic(DataElementRequest request) {
        Optional<DataElement> existing = find(request.code());
        if (existing.isPresent()) {
            DataElement element = existing.get();
            if (element.kind == DataElementKind.STATISTIC && element.name.equals(request.name())) {
                return DataElementView.of(element);
            }
            throw ProblemException.conflict("data-element-exists",
                    "Data element '" + request.code() + "' already exists with another definition");
        }
        DataElement element = new DataElement();
        element.code = request.code();
        element.name = request.name();
        element.kind = DataElementKind.STATISTIC;
        element.description = request.description();
        element.createdAt = OffsetDateTime.now();
        element.persist();
        DataElementView view = DataElementView.of(element);
        events.defined(view);
        return view;
    }
}
