package vn.commops.indicator.indicator;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import vn.commops.common.problem.ProblemException;

/** Indicator definitions: formulas are parsed and checked on every save, so stored ones always evaluate. */
@ApplicationScoped
public class IndicatorService {

    private final FormulaCheck formulas;
    private final IndicatorEvents events;

    IndicatorService(FormulaCheck formulas, IndicatorEvents events) {
        this.formulas = formulas;
        this.events = events;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<IndicatorView> list() {
        return Indicator.<Indicator>listAll(Sort.by("code")).stream().map(IndicatorView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public IndicatorView get(String code) {
        return IndicatorView.of(require(code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Indicator require(String code) {
        return Indicator.<Indicator>findByIdOptional(code)
                .orElseThrow(() -> ProblemException.notFound("Indicator", code));
    }

    /** Creates the indicator; the same definition again changes nothing (a retried create), another one conflicts. */
    @Transactional
    public Saved create(IndicatorRequest request) {
        check(request);
        Indicator existing = Indicator.findById(request.code());
        if (existing != null) {
            if (sameDefinition(existing, request)) {
                return new Saved(IndicatorView.of(existing), false);
            }
            throw ProblemException.conflict("indicator-exists", "Indicator '" + request.code()
                    + "' already exists; change it with PUT /api/v1/indicators/" + request.code());
        }
        Indicator indicator = new Indicator();
        indicator.code = request.code();
        indicator.version = 0;
        apply(indicator, request);
        indicator.persist();
        IndicatorView view = IndicatorView.of(indicator);
        events.created(view);
        return new Saved(view, true);
    }

    @Transactional
    public IndicatorView update(String code, IndicatorRequest request, Integer expectedVersion) {
        if (!code.equals(request.code())) {
            throw ProblemException.badRequest("code-mismatch", "code", "must be the code in the path, '" + code + "'");
        }
        check(request);
        Indicator indicator = require(code);
        if (expectedVersion != null && expectedVersion != indicator.version) {
            throw new ProblemException(412, "version-mismatch", "The indicator has changed",
                    "Indicator '" + code + "' is at version " + indicator.version + ", not " + expectedVersion,
                    List.of());
        }
        if (sameDefinition(indicator, request)) {
            return IndicatorView.of(indicator);
        }
        apply(indicator, request);
        IndicatorView view = IndicatorView.of(indicator);
        events.updated(view);
        return view;
    }

    private void check(IndicatorRequest request) {
        formulas.check("numerator", request.numerator());
        if (request.denominator() != null && !request.denominator().isBlank()) {
            formulas.check("denominator", request.denominator());
        }
    }

    private static void apply(Indicator indicator, IndicatorRequest request) {
        indicator.name = request.name();
        indicator.description = request.description();
        indicator.unit = request.unit();
        indicator.numerator = request.numerator().trim();
        indicator.denominator = blankToNull(request.denominator());
        indicator.factor = request.factor();
        indicator.aggregationType = request.aggregationType();
        indicator.periodType = request.periodType();
        indicator.version++;
        indicator.updatedAt = OffsetDateTime.now();
    }

    private static boolean sameDefinition(Indicator indicator, IndicatorRequest request) {
        return indicator.name.equals(request.name())
                && Objects.equals(indicator.description, request.description())
                && indicator.unit.equals(request.unit())
                && indicator.numerator.equals(request.numerator().trim())
                && Objects.equals(indicator.denominator, blankToNull(request.denominator()))
                && indicator.factor.compareTo(request.factor()) == 0
                && indicator.aggregationType == request.aggregationType()
                && indicator.periodType == request.periodType();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    public record Saved(IndicatorView indicator, boolean created) {
    }
}
