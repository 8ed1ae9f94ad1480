package vn.commops.indicator.expression;

import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/** A parsed numerator or denominator: arithmetic over data element references and numbers. */
public sealed interface Expression {

    /** The value, given each referenced element's value; a division by zero yields NaN. */
    double evaluate(ToDoubleFunction<ElementRef> values);

    /** Every data element the expression reads, in order of appearance. */
    Stream<ElementRef> references();

    record Constant(double value) implements Expression {
        @Override
        public double evaluate(ToDoubleFunction<ElementRef> values) {
            return value;
        }

        @Override
        public Stream<ElementRef> references() {
            return Stream.empty();
        }
    }

    record Reference(ElementRef element) implements Expression {
        @Override
        public double evaluate(ToDoubleFunction<ElementRef> values) {
            return values.applyAsDouble(element);
        }

        @Override
        public Stream<ElementRef> references() {
            return Stream.of(element);
        }
    }

    record Negation(Expression operand) implements Expression {
        @Override
        public double evaluate(ToDoubleFunction<ElementRef> values) {
            return -operand.evaluate(values);
        }

        @Override
        public Stream<ElementRef> references() {
            return operand.references();
        }
    }

    record Binary(char operator, Expression left, Expression right) implements Expression {
        @Override
        public double evaluate(ToDoubleFunction<ElementRef> values) {
            double l = left.evaluate(values);
            double r = right.evaluate(values);
            return switch (operator) {
                case '+' -> l + r;
                case '-' -> l - r;
                case '*' -> l * r;
                case '/' -> r == 0 ? Double.NaN : l / r;
                default -> throw new IllegalStateException("operator " + operator);
            };
        }

        @Override
        public Stream<ElementRef> references() {
            return Stream.concat(left.references(), right.references());
        }
    }
}
