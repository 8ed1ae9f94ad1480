package vn.commops.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class FieldOfViolationTest {

    record Audience(@NotNull Integer attendance) {
    }

    record Item(@NotBlank String name) {
    }

    record Request(@NotBlank String title, @Valid Audience audience, List<@Valid Item> items) {
    }

    static class Resource {
        public void create(@Valid Request request) {
        }

        public void list(@Max(200) int size) {
        }
    }

    private final Validator validator = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    @Test
    void bodyFieldsAreNamedByTheirJsonPathWithoutTheJavaParameter() throws Exception {
        Request request = new Request(" ", new Audience(null), List.of(new Item("a"), new Item("")));
        Set<ConstraintViolation<Resource>> violations = validator.forExecutables().validateParameters(
                new Resource(), Resource.class.getMethod("create", Request.class), new Object[] {request});

        assertEquals(Set.of("title", "audience.attendance", "items[1].name"), fields(violations));
    }

    @Test
    void queryParametersKeepTheirName() throws Exception {
        Method list = Resource.class.getMethod("list", int.class);
        Set<ConstraintViolation<Resource>> violations =
                validator.forExecutables().validateParameters(new Resource(), list, new Object[] {500});

        assertEquals(Set.of("size"), fields(violations));
    }

    private static Set<String> fields(Set<ConstraintViolation<Resource>> violations) {
        return violations.stream().map(ProblemMappers::fieldOf).collect(Collectors.toSet());
    }
}
