package vn.commops.gateway.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The gateway's own OpenAPI document (its info, its own endpoints), as Quarkus generated it from the
 * annotations and {@code quarkus.smallrye-openapi.*}. Read in-process from the service that answers
 * {@code /q/openapi}, so there is one generator and no request to itself.
 */
@ApplicationScoped
public class GatewayDocument {

    private final OpenApiDocumentService documents;
    private final ObjectMapper json;
    private volatile ObjectNode document;

    GatewayDocument(OpenApiDocumentService documents, ObjectMapper json) {
        this.documents = documents;
        this.json = json;
    }

    /** The document, read once: it only changes with a new build. Callers must not modify it. */
    public ObjectNode get() {
        ObjectNode read = document;
        if (read == null) {
            read = read();
            document = read;
        }
        return read;
    }

    private ObjectNode read() {
        byte[] bytes = documents.getDocument(OpenApiConstants.DEFAULT_DOCUMENT_NAME, Format.JSON);
        try {
            return (ObjectNode) json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
