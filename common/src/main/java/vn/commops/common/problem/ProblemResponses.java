package vn.commops.common.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import vn.commops.contract.problem.ProblemLanguage;

final class ProblemResponses {

    private ProblemResponses() {
    }

    static Locale languageOf(HttpHeaders headers) {
        return ProblemLanguage.of(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    static Response of(ProblemException problem, Locale language, UriInfo uriInfo) {
        return of(problem.status(), problem.slug(), problem.title(language), problem.detail(language),
                problem.errors(language), language, uriInfo);
    }

    /** Title, detail and errors already in {@code language}. */
    static Response of(int status, String slug, String title, String detail, List<Problem.FieldError> errors,
            Locale language, UriInfo uriInfo) {
        String instance = uriInfo == null ? null : "/" + uriInfo.getPath().replaceFirst("^/", "");
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, ProblemLanguage.tag(language))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .entity(new Problem(Problem.type(slug), title, status, detail, instance, errors))
                .build();
    }
}
