package vn.commops.indicator.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import vn.commops.common.problem.ProblemException;
import vn.commops.indicator.dataelement.Breakdowns;
import vn.commops.indicator.dataelement.DataElement;
import vn.commops.indicator.dataelement.DataElementKind;
import vn.commops.indicator.dataelement.DataElementService;
import vn.commops.indicator.expression.ElementRef;
import vn.commops.indicator.expression.Expression;
import vn.commops.indicator.expression.ExpressionParser;
import vn.commops.common.form.KnownForm;

/** Parses a formula and checks every name in it against the catalogue, answering 400 with the field and position. */
@ApplicationScoped
public class FormulaCheck {

    private final DataElementService elements;

    FormulaCheck(DataElementService elements) {
        this.elements = elements;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Expression check(String field, String formula) {
        Expression expression;
        try {
            expression = ExpressionParser.parse(formula);
        } catch (ExpressionParser.InvalidExpressionException e) {
            throw ProblemException.badRequest("invalid-formula", field, e.getMessage());
        }
        expression.references().forEach(reference -> checkReference(field, reference));
        return expression;
    }

    private void checkReference(String field, ElementRef reference) {
        DataElement element = elements.find(reference.code()).orElseThrow(() -> ProblemException.badRequest(
                "invalid-formula", field, "at position " + reference.position() + ": unknown data element '"
                        + reference.code() + "'"));
        if (reference.isBreakdown()) {
            checkBreakdown(field, reference);
        }
        if (reference.form() == null) {
            return;
        }
        if (element.kind != DataElementKind.ACTIVITY) {
            throw ProblemException.badRequest("invalid-formula", field, "at position " + reference.position()
                    + ": '" + reference.code() + "' is a reported statistic and cannot be filtered by form");
        }
        if (!KnownForm.isKnown(reference.form())) {
            throw ProblemException.badRequest("invalid-formula", field, "at position " + reference.position()
                    + ": unknown activity form '" + reference.form() + "'");
        }
    }

    /** {@code ELEMENT{dimension:CATEGORY}}: an element events split, a dimension they split by, a category of it. */
    private void checkBreakdown(String field, ElementRef reference) {
        String at = "at position " + reference.position() + ": ";
        if (!Breakdowns.ELEMENTS.contains(reference.code())) {
            throw ProblemException.badRequest("invalid-formula", field, at + "'" + reference.code() + "' is not split "
                    + "by breakdowns; only " + String.join(", ", Breakdowns.ELEMENTS.stream().sorted().toList()) + " are");
        }
        if (!Breakdowns.isDimension(reference.dimension())) {
            throw ProblemException.badRequest("invalid-formula", field, at + "unknown breakdown dimension '"
                    + reference.dimension() + "'; one of sex, age, group");
        }
        List<String> fixed = Breakdowns.fixedCategories(reference.dimension());
        boolean known = fixed != null ? fixed.contains(reference.category())
                : elements.isTargetGroup(reference.category());
        if (!known) {
            throw ProblemException.badRequest("invalid-formula", field, at + "unknown " + reference.dimension()
                    + " category '" + reference.category() + "'" + (fixed != null ? "; one of " + String.join(", ", fixed)
                            : "; target groups are those of GET /api/v1/campaigns/target-groups"));
        }
    }
}
