package vn.commops.activity.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.commops.activity.form.FormCatalogue;
import vn.commops.common.problem.Problem;

/**
 * What each form must report to count (seed 001's tallies: conferences with their attendance,
 * broadcasts by number, articles by where they ran), as plan-service's form catalogue says. Every missing
 * figure is named, not only the first.
 */
public final class FormRules {

    private FormRules() {
    }

    private record Figure(String field, Function<ActivityRequest, Object> value) {
        boolean reported(ActivityRequest request) {
            Object v = value.apply(request);
            return v instanceof String text ? !text.isBlank() : v != null;
        }
    }

    /** The figures a form may require (plan-service's catalogue allows exactly these names). */
    private static final Map<String, Figure> FIGURES = Stream.of(
            new Figure("attendance", ActivityRequest::attendance),
            new Figure("reach", ActivityRequest::reach),
            new Figure("plays", ActivityRequest::plays),
            new Figure("interactions", ActivityRequest::interactions),
            new Figure("quantity", ActivityRequest::quantity),
            new Figure("durationMinutes", ActivityRequest::durationMinutes),
            new Figure("link", ActivityRequest::link),
            new Figure("newSocialInsurance", ActivityRequest::newSocialInsurance),
            new Figure("newHealthInsurance", ActivityRequest::newHealthInsurance),
            new Figure("appInstalls", ActivityRequest::appInstalls),
            new Figure("nonCashConversions", ActivityRequest::nonCashConversions),
            new Figure("booksAndCardsDonated", ActivityRequest::booksAndCardsDonated),
            new Figure("costVnd", ActivityRequest::costVnd))
            .collect(Collectors.toUnmodifiableMap(Figure::field, Function.identity()));

    /** A donation is counted by what it gives (seed 001), so it gives at least one. */
    private static final String DONATION = "BOOK_AND_CARD_DONATION";

    /**
     * The form's own rules (one of its required figures, from the catalogue, is reported) and the cross-field
     * ones that Bean Validation cannot say per field; {@code form} is the request's form as the catalogue has it,
     * or null when it has none (refused elsewhere). A figure name this service does not know counts as not reported.
     */
    public static List<Problem.FieldError> check(ActivityRequest request, FormCatalogue.Form form) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (form != null) {
            List<Figure> figures = form.requiredFigures().stream()
                    .map(name -> FIGURES.getOrDefault(name, new Figure(name, r -> null))).toList();
            if (figures.stream().noneMatch(f -> f.reported(request))) {
                String names = String.join(" or ", figures.stream().map(Figure::field).toList());
                for (Figure figure : figures) {
                    errors.add(new Problem.FieldError(figure.field(),
                            "a " + request.form() + " must report " + names));
                }
            }
            if (DONATION.equals(request.form()) && request.booksAndCardsDonated() != null
                    && request.booksAndCardsDonated() == 0) {
                errors.add(new Problem.FieldError("booksAndCardsDonated", "a donation gives at least one book or card"));
            }
        }
        if ((request.latitude() == null) != (request.longitude() == null)) {
            errors.add(new Problem.FieldError(request.latitude() == null ? "latitude" : "longitude",
                    "latitude and longitude go together"));
        }
        List<Evidence> evidence = request.evidence();
        for (int i = 0; evidence != null && i < evidence.size(); i++) {
            Evidence item = evidence.get(i);
            if (item != null && (item.latitude() == null) != (item.longitude() == null)) {
                errors.add(new Problem.FieldError("evidence[" + i + "]." + (item.latitude() == null ? "latitude" : "longitude"),
                        "latitude and longitude go together"));
            }
        }
        return errors;
    }
}
