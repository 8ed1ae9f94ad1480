package vn.commops.activity.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import vn.commops.common.problem.Problem;

/**
 * What each form must report to count (seed 001's tallies: conferences with their attendance,
 * broadcasts by number, articles by where they ran). Every missing figure is named, not only the first.
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

    private static final Figure ATTENDANCE = new Figure("attendance", ActivityRequest::attendance);
    private static final Figure REACH = new Figure("reach", ActivityRequest::reach);
    private static final Figure PLAYS = new Figure("plays", ActivityRequest::plays);
    private static final Figure INTERACTIONS = new Figure("interactions", ActivityRequest::interactions);
    private static final Figure QUANTITY = new Figure("quantity", ActivityRequest::quantity);
    private static final Figure DURATION = new Figure("durationMinutes", ActivityRequest::durationMinutes);
    private static final Figure LINK = new Figure("link", ActivityRequest::link);
    private static final Figure DONATED = new Figure("booksAndCardsDonated", ActivityRequest::booksAndCardsDonated);

    /** One of these figures must be reported; each is named when none is. */
    private static List<Figure> needs(ActivityForm form) {
        return switch (form) {
            case LAUNCH_CEREMONY, CONFERENCE, DIALOGUE, SMALL_GROUP, ADVISORY_BOOTH, ONE_STOP_DESK, ART_PERFORMANCE,
                    MOBILE_CAMPAIGN -> List.of(ATTENDANCE);
            case HOTLINE, ONLINE_CONTEST -> List.of(ATTENDANCE, INTERACTIONS);
            case LIVESTREAM -> List.of(PLAYS, INTERACTIONS);
            case RADIO_BROADCAST, LOUDSPEAKER_BROADCAST -> List.of(QUANTITY, DURATION);
            case NEWS_ARTICLE, INFOGRAPHIC, MOTION_GRAPHIC, PORTAL_POST, SOCIAL_POST -> List.of(LINK, REACH);
            case BANNER, SLOGAN, LEAFLET, BROCHURE, PROMOTIONAL_ITEM -> List.of(QUANTITY);
            case BOOK_AND_CARD_DONATION -> List.of(DONATED);
        };
    }

    /** The form's own rules and the cross-field ones that Bean Validation cannot say per field. */
    public static List<Problem.FieldError> check(ActivityRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request.form() != null) {
            List<Figure> figures = needs(request.form());
            if (figures.stream().noneMatch(f -> f.reported(request))) {
                String names = String.join(" or ", figures.stream().map(Figure::field).toList());
                for (Figure figure : figures) {
                    errors.add(new Problem.FieldError(figure.field(),
                            "a " + request.form() + " must report " + names));
                }
            }
            if (request.form() == ActivityForm.BOOK_AND_CARD_DONATION && request.booksAndCardsDonated() != null
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
