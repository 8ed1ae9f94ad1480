package vn.commops.indicator.expression;

/**
 * A small recursive-descent parser for indicator formulas:
 *
 * <pre>
 * expression := term (('+' | '-') term)*
 * term       := factor (('*' | '/') factor)*
 * factor     := ('+' | '-') factor | number | element ('[' FORM ']')? ('{' DIMENSION ':' CATEGORY '}')?
 *             | '(' expression ')'
 * </pre>
 *
 * Element and form names are upper-case codes ({@code NEW_SOCIAL_INSURANCE}); numbers are decimals
 * with an optional exponent ({@code 1e6}). Whether the names exist is checked by the caller, which
 * knows the catalogue; this class only knows the grammar.
 */
public final class ExpressionParser {

    private final String text;
    private int at;

    private ExpressionParser(String text) {
        this.text = text;
    }

    /** Parses the whole text or throws {@link InvalidExpressionException} with the 1-based position at fault. */
    public static Expression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidExpressionException(1, "the expression is empty");
        }
        ExpressionParser parser = new ExpressionParser(text);
        Expression expression = parser.expression();
        parser.skipSpaces();
        if (parser.at < text.length()) {
            throw parser.error("unexpected '" + text.charAt(parser.at) + "'");
        }
        return expression;
    }

    private Expression expression() {
        Expression left = term();
        while (peekIs('+') || peekIs('-')) {
            char operator = text.charAt(at++);
            left = new Expression.Binary(operator, left, term());
        }
        return left;
    }

    private Expression term() {
        Expression left = factor();
        while (peekIs('*') || peekIs('/')) {
            char operator = text.charAt(at++);
            left = new Expression.Binary(operator, left, factor());
        }
        return left;
    }

    private Expression factor() {
        skipSpaces();
        if (at >= text.length()) {
            throw error("the expression ends where a number, a data element or '(' was expected");
        }
        char c = text.charAt(at);
        if (c == '-' || c == '+') {
            at++;
            Expression operand = factor();
            return c == '-' ? new Expression.Negation(operand) : operand;
        }
        if (c == '(') {
            at++;
            Expression inner = expression();
            if (!peekIs(')')) {
                throw error(at >= text.length() ? "missing ')'" : "expected ')' but found '" + text.charAt(at) + "'");
            }
            at++;
            return inner;
        }
        if (Character.isDigit(c) || c == '.') {
            return number();
        }
        if (isNameStart(c)) {
            return element();
        }
        throw error("expected a number, a data element or '(' but found '" + c + "'");
    }

    private Expression number() {
        int start = at;
        while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
            at++;
        }
        if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            at++;
            if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
                at++;
            }
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
        }
        String literal = text.substring(start, at);
        try {
            return new Expression.Constant(Double.parseDouble(literal));
        } catch (NumberFormatException e) {
            at = start;
            throw error("'" + literal + "' is not a number");
        }
    }

    private Expression element() {
        int start = at;
        String code = name();
        String form = null;
        if (at < text.length() && text.charAt(at) == '[') {
            at++;
            skipSpaces();
            if (at >= text.length() || !isNameStart(text.charAt(at))) {
                throw error("expected an activity form inside '[ ]'");
            }
            form = name();
            skipSpaces();
            if (at >= text.length() || text.charAt(at) != ']') {
                throw error("missing ']' after the form");
            }
            at++;
        }
        String dimension = null;
        String category = null;
        if (at < text.length() && text.charAt(at) == '{') {
            at++;
            skipSpaces();
            if (at >= text.length() || !isNameStart(text.charAt(at))) {
                throw error("expected a breakdown dimension (sex, age, group) inside '{ }'");
            }
            dimension = name();
            skipSpaces();
            if (at >= text.length() || text.charAt(at) != ':') {
                throw error("missing ':' between the dimension and its category");
            }
            at++;
            skipSpaces();
            // A category may start with a digit: age bands are 15_24, 25_34…
            int categoryStart = at;
            while (at < text.length() && (isNameStart(text.charAt(at)) || Character.isDigit(text.charAt(at)))) {
                at++;
            }
            if (at == categoryStart) {
                throw error("expected a category after ':'");
            }
            category = text.substring(categoryStart, at);
            skipSpaces();
            if (at >= text.length() || text.charAt(at) != '}') {
                throw error("missing '}' after the category");
            }
            at++;
        }
        return new Expression.Reference(new ElementRef(code, form, dimension, category, start + 1));
    }

    private String name() {
        int start = at;
        while (at < text.length() && (isNameStart(text.charAt(at)) || Character.isDigit(text.charAt(at)))) {
            at++;
        }
        return text.substring(start, at);
    }

    private static boolean isNameStart(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    }

    private boolean peekIs(char c) {
        skipSpaces();
        return at < text.length() && text.charAt(at) == c;
    }

    private void skipSpaces() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private InvalidExpressionException error(String message) {
        return new InvalidExpressionException(Math.min(at, text.length()) + 1, message);
    }

    /** The text is not a formula; {@code position} is 1-based and may be one past the end. */
    public static class InvalidExpressionException extends RuntimeException {
        private final int position;

        public InvalidExpressionException(int position, String message) {
            super("at position " + position + ": " + message);
            this.position = position;
        }

        public int position() {
            return position;
        }
    }
}
