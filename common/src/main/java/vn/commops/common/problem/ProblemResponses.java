package vn.commops.common.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

final class ProblemResponses {

    private ProblemResponses() {
    }

    static Response of(int status, String slug, String title, String detail, List<Problem.FieldError> errors,
            UriInfo uriInfo) {
        String instance = uriInfo == null ? null : "/" + uriInfo.getPath().replaceFirst("^/", "");
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.type(slug), title, status, detail, instance, errors))
                .build();
    }
}
