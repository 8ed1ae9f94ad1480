package vn.commops.gateway.traffic;

import vn.commops.gateway.support.SignedIn;

import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import vn.commops.gateway.support.StubServices;

@QuarkusTest
@QuarkusTestResource(StubServices.class)
class CompressionTest {

    /** The stand-in echoes the body, so the answer is as large as this. */
    private static final String LARGE_JSON = "{\"note\":\"" + "Tham gia BHXH tự nguyện ".repeat(200) + "\"}";

    @Test
    void aServicesJsonIsGzippedForAClientThatAcceptsIt() throws IOException {
        Response response = rawClient().header("Accept-Encoding", "gzip")
                .contentType(ContentType.JSON.withCharset("UTF-8")).body(LARGE_JSON).post("/api/v1/activities");

        response.then().statusCode(201).header("Content-Encoding", "gzip");
        String json = gunzip(response.asByteArray());
        assertTrue(json.contains("\"service\":\"activity\"") && json.contains("tự nguyện"), json);
    }

    @Test
    void aClientThatDoesNotAcceptGzipGetsItPlain() {
        rawClient().header("Accept-Encoding", "identity")
                .contentType(ContentType.JSON.withCharset("UTF-8")).body(LARGE_JSON).post("/api/v1/activities")
                .then().statusCode(201).header("Content-Encoding", nullValue());
    }

    @Test
    void theMergedDocumentIsGzippedToo() {
        rawClient().header("Accept-Encoding", "gzip").get("/openapi")
                .then().statusCode(200).header("Content-Encoding", "gzip");
    }

    /** A client that shows the answer as it came, without undoing the compression. */
    private static RequestSpecification rawClient() {
        return SignedIn.given().config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()));
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
