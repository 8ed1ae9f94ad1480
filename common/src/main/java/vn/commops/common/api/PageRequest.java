package vn.commops.common.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The paging and sorting query parameters every list endpoint takes ({@code @BeanParam}). */
public class PageRequest {

    /** Deep enough for any reader (5,000,000 items at the largest size); filters reach further, offsets cost. */
    public static final int MAX_PAGE = 10_000;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(MAX_PAGE)
    @Parameter(description = "Zero-based page index, at most " + MAX_PAGE, example = "0")
    public int page;

    @QueryParam("size")
    @DefaultValue("50")
    @Min(1)
    @Max(500)
    @Parameter(description = "Items per page, at most 500", example = "50")
    public int size;

    @QueryParam("sort")
    @Parameter(description = "Field to sort by; a leading '-' sorts descending", example = "-createdAt")
    public String sort;
}
