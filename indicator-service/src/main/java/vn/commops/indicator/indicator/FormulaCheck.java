package vn.commops.indicator.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.commops.common.problem.ProblemException;
import vn.commops.indicator.dataelement.DataElement;
import vn.commops.indicator.dataelement.DataElementKind;
import vn.commops.indicator.dataelement.DataElementService;
import vn.commops.indicator.expression.ElementRef;
import vn.commops.indicator.expression.Expression;
import vn.commops.indicator.expression.ExpressionParser;
import vn.commops.indicator.form.KnownForm;

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
}
