package vn.commops.common.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;

final class JsonPaths {

    private JsonPaths() {
    }

    /** Jackson's reference chain as a JSON path a client recognises: {@code outcomes[2].count}. */
    static String of(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
