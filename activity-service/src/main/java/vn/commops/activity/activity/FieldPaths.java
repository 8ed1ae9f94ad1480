package vn.commops.activity.activity;

import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.List;

/** A Bean Validation path as the JSON path of the request a client recognises: {@code evidence[0].url}. */
public final class FieldPaths {

    private FieldPaths() {
    }

    public static String of(Path path) {
        List<String> segments = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getIndex() != null && !segments.isEmpty()) {
                int last = segments.size() - 1;
                segments.set(last, segments.get(last) + "[" + node.getIndex() + "]");
            }
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                segments.add(node.getName());
            }
        }
        return segments.isEmpty() ? "body" : String.join(".", segments);
    }
}
