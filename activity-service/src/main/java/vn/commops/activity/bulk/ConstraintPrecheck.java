package vn.commops.activity.bulk;

import jakarta.validation.Validator;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Tells, for most beans Bean Validation would find nothing wrong with, that it would find nothing,
 * at a small part of Hibernate Validator's cost (which was a tenth of the bulk path's CPU). It is
 * built at start from the validator's own metadata, so the annotations stay the one statement of
 * the rules; a bean it is not sure of goes to the validator, which names every fault as before.
 * It understands the built-in constraints the activity requests use; a type with any other
 * constraint is never prechecked ({@link #complete()} is false) and always validated in full.
 */
final class ConstraintPrecheck<T> {

    private static final Logger LOG = Logger.getLogger(ConstraintPrecheck.class);

    private final List<Predicate<Object>> checks;

    private ConstraintPrecheck(List<Predicate<Object>> checks) {
        this.checks = checks;
    }

    static <T> ConstraintPrecheck<T> of(Validator validator, Class<T> type) {
        try {
            return new ConstraintPrecheck<>(checksOf(validator, type));
        } catch (Unsupported e) {
            LOG.warnf("%s is always validated in full: %s", type.getSimpleName(), e.getMessage());
            return new ConstraintPrecheck<>(null);
        }
    }

    /** Whether every constraint of the type is understood, so that valid beans skip the validator. */
    boolean complete() {
        return checks != null;
    }

    /** True only if Bean Validation would report no violation; false when there may be one. */
    boolean surelyValid(T bean) {
        if (checks == null) {
            return false;
        }
        for (Predicate<Object> check : checks) {
            if (!check.test(bean)) {
                return false;
            }
        }
        return true;
    }

    private static final class Unsupported extends RuntimeException {
        Unsupported(String message) {
            super(message, null, false, false);
        }
    }

    private static List<Predicate<Object>> checksOf(Validator validator, Class<?> type) {
        BeanDescriptor bean = validator.getConstraintsForClass(type);
        if (!bean.getConstraintDescriptors().isEmpty()) {
            throw new Unsupported("class-level constraints on " + type.getSimpleName());
        }
        List<Predicate<Object>> checks = new ArrayList<>();
        for (PropertyDescriptor property : bean.getConstrainedProperties()) {
            String name = type.getSimpleName() + "." + property.getPropertyName();
            for (ElementType where : List.of(ElementType.FIELD, ElementType.METHOD)) {
                Set<ConstraintDescriptor<?>> constraints = property.findConstraints().declaredOn(where)
                        .getConstraintDescriptors();
                if (!constraints.isEmpty()) {
                    Function<Object, Object> read = reader(type, property.getPropertyName(), where);
                    for (ConstraintDescriptor<?> constraint : constraints) {
                        Predicate<Object> holds = rule(constraint, name);
                        checks.add(bean1 -> holds.test(read.apply(bean1)));
                    }
                }
            }
            Function<Object, Object> read = null;
            for (ContainerElementTypeDescriptor element : property.getConstrainedContainerElementTypes()) {
                if (!Collection.class.isAssignableFrom(element.getContainerClass())
                        || !element.getConstrainedContainerElementTypes().isEmpty()) {
                    throw new Unsupported("container elements of " + name);
                }
                List<Predicate<Object>> each = new ArrayList<>();
                for (ConstraintDescriptor<?> constraint : element.getConstraintDescriptors()) {
                    each.add(rule(constraint, name + "[]"));
                }
                if (element.isCascaded()) {
                    each.add(cascade(validator, element.getElementClass()));
                }
                read = read != null ? read : reader(type, property.getPropertyName(), ElementType.FIELD);
                Function<Object, Object> container = read;
                checks.add(bean1 -> {
                    Object elements = container.apply(bean1);
                    if (elements == null) {
                        return true;
                    }
                    for (Object value : (Collection<?>) elements) {
                        for (Predicate<Object> check : each) {
                            if (!check.test(value)) {
                                return false;
                            }
                        }
                    }
                    return true;
                });
            }
            if (property.isCascaded() && property.getConstrainedContainerElementTypes().isEmpty()) {
                Function<Object, Object> value = reader(type, property.getPropertyName(), ElementType.FIELD);
                Predicate<Object> nested = cascade(validator, property.getElementClass());
                checks.add(bean1 -> nested.test(value.apply(bean1)));
            }
        }
        return List.copyOf(checks);
    }

    private static Predicate<Object> cascade(Validator validator, Class<?> type) {
        List<Predicate<Object>> nested = checksOf(validator, type);
        return value -> {
            if (value == null) {
                return true;
            }
            for (Predicate<Object> check : nested) {
                if (!check.test(value)) {
                    return false;
                }
            }
            return true;
        };
    }

    /** The check of one built-in constraint, as Hibernate Validator's own validator for it decides. */
    private static Predicate<Object> rule(ConstraintDescriptor<?> constraint, String name) {
        Annotation annotation = constraint.getAnnotation();
        if (!constraint.getGroups().equals(Set.of(Default.class)) || !constraint.getComposingConstraints().isEmpty()) {
            throw new Unsupported("groups or composition on " + name);
        }
        if (annotation instanceof NotNull) {
            return value -> value != null;
        }
        if (annotation instanceof NotBlank) {
            // something neither String.trim() nor String.isBlank() would take for blank: validators have used either
            return value -> value instanceof CharSequence text && !trimsToNothing(text);
        }
        if (annotation instanceof Size size) {
            int min = size.min();
            int max = size.max();
            return value -> value == null
                    || (value instanceof CharSequence text && text.length() >= min && text.length() <= max)
                    || (value instanceof Collection<?> items && items.size() >= min && items.size() <= max);
        }
        if (annotation instanceof DecimalMin min) {
            BigDecimal bound = new BigDecimal(min.value());
            return value -> value == null || holds(compare(value, bound), min.inclusive() ? 0 : 1, Integer.MAX_VALUE);
        }
        if (annotation instanceof DecimalMax max) {
            BigDecimal bound = new BigDecimal(max.value());
            return value -> value == null || holds(compare(value, bound), Integer.MIN_VALUE + 1, max.inclusive() ? 0 : -1);
        }
        if (annotation instanceof PositiveOrZero) {
            // a floating-point zero (-0.0 among them) is left to the validator
            return value -> value == null || (value instanceof Double || value instanceof Float
                    ? compare(value, BigDecimal.ZERO) == 1 : holds(compare(value, BigDecimal.ZERO), 0, 1));
        }
        if (annotation instanceof AssertTrue) {
            return value -> value == null || Boolean.TRUE.equals(value);
        }
        if (annotation instanceof Pattern pattern) {
            int flags = 0;
            for (Pattern.Flag flag : pattern.flags()) {
                flags |= flag.getValue();
            }
            java.util.regex.Pattern regex = java.util.regex.Pattern.compile(pattern.regexp(), flags);
            return value -> value == null || (value instanceof CharSequence text && regex.matcher(text).matches());
        }
        throw new Unsupported("@" + annotation.annotationType().getSimpleName() + " on " + name);
    }

    private static final int UNSURE = Integer.MIN_VALUE;

    private static boolean holds(int sign, int least, int most) {
        return sign != UNSURE && sign >= least && sign <= most;
    }

    /** The sign of value − bound for integral and finite floating-point numbers; UNSURE for anything else. */
    private static int compare(Object value, BigDecimal bound) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            long number = ((Number) value).longValue();
            if (bound.signum() == 0) {
                return Long.signum(number);
            }
            return BigDecimal.valueOf(number).compareTo(bound);
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return Double.isFinite(number) ? BigDecimal.valueOf(number).compareTo(bound) : UNSURE;
        }
        return UNSURE;
    }

    private static boolean trimsToNothing(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > ' ' && !Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /** Reads the property as Bean Validation does: the field (a record's component), or the getter. */
    private static Function<Object, Object> reader(Class<?> type, String property, ElementType where) {
        try {
            if (where == ElementType.FIELD && type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    if (component.getName().equals(property)) {
                        return accessor(type, component.getAccessor());
                    }
                }
            }
            if (where == ElementType.METHOD) {
                String suffix = Character.toUpperCase(property.charAt(0)) + property.substring(1);
                for (String prefix : List.of("is", "get", "has")) {
                    try {
                        return accessor(type, type.getMethod(prefix + suffix));
                    } catch (NoSuchMethodException next) {
                        // try the next JavaBeans prefix
                    }
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new Unsupported("cannot read " + type.getSimpleName() + "." + property + ": " + e.getMessage());
        }
        throw new Unsupported("cannot read " + type.getSimpleName() + "." + property + " (" + where + ")");
    }

    /** The accessor as a Function compiled for it, which costs a plain call, not a method handle's. */
    @SuppressWarnings("unchecked")
    private static Function<Object, Object> accessor(Class<?> type, Method method) throws ReflectiveOperationException {
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        MethodHandle getter = lookup.unreflect(method);
        try {
            return (Function<Object, Object>) LambdaMetafactory.metafactory(lookup, "apply",
                    MethodType.methodType(Function.class), MethodType.methodType(Object.class, Object.class), getter,
                    MethodType.methodType(getter.type().wrap().returnType(), type)).getTarget().invokeExact();
        } catch (Throwable e) {
            throw new Unsupported("cannot read " + type.getSimpleName() + " through " + method.getName() + ": " + e);
        }
    }
}
