package vn.commops.common.testing;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Services answer problems in Vietnamese unless asked otherwise; the tests written against their English
 * texts ask for English on every request that names no language. A test that checks another language
 * sends its own Accept-Language, which this leaves alone. (A filter, not a default request specification:
 * one of those would also carry a default port over the one Quarkus gives the test.)
 */
public final class EnglishByDefault implements Filter {

    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    public static void install() {
        if (INSTALLED.compareAndSet(false, true)) {
            RestAssured.filters(new EnglishByDefault());
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext context) {
        if (!request.getHeaders().hasHeaderWithName("Accept-Language")) {
            request.header("Accept-Language", "en");
        }
        return context.next(request, response);
    }
}
