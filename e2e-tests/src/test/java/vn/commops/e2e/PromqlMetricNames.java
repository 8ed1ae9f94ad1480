package vn.commops.e2e;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression selects, as far as an alert or a dashboard needs: what is
 * left once strings, label matchers, ranges, Grafana variables, grouping label lists, numbers,
 * keywords and function calls are taken out. Not a parser: an expression it cannot read still
 * yields its names, and a name it wrongly keeps shows up as "not exported", never as a pass.
 */
final class PromqlMetricNames {

    /** Aggregations, operators and modifiers PromQL spells as words; `inf` and `nan` are numbers. */
    private static final Set<String> KEYWORDS = Set.of(
            "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk",
            "quantile", "limitk", "limit_ratio",
            "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset",
            "and", "or", "unless", "atan2", "inf", "nan");
    /** Keywords followed by a list of label names, not of series. */
    private static final Pattern LABEL_LIST = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern STRING = Pattern.compile("\"(\\\\.|[^\"\\\\])*\"|'(\\\\.|[^'\\\\])*'|`[^`]*`");
    // Grafana's $var, ${var} and ${var:format}, and the older [[var]]
    private static final Pattern GRAFANA_VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$\\w+|\\[\\[\\w+]]");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern COMMENT = Pattern.compile("#[^\\n]*");
    // A number (1, 0.5, 1e3, 0x1f) or a duration (5m, 1h30m) is consumed whole, so its letters are no name.
    private static final Pattern TOKEN = Pattern.compile(
            "(?<number>\\.?[0-9][0-9A-Za-z_.]*)|(?<name>[A-Za-z_:][A-Za-z0-9_:]*)(?<call>\\s*\\()?");

    private PromqlMetricNames() {
    }

    static Set<String> in(String expression) {
        String rest = STRING.matcher(expression).replaceAll(" ");
        rest = COMMENT.matcher(rest).replaceAll(" ");
        rest = GRAFANA_VARIABLE.matcher(rest).replaceAll(" ");
        rest = MATCHERS.matcher(rest).replaceAll(" ");
        rest = RANGE.matcher(rest).replaceAll(" ");
        rest = LABEL_LIST.matcher(rest).replaceAll(" ");
        Set<String> names = new LinkedHashSet<>();
        Matcher token = TOKEN.matcher(rest);
        while (token.find()) {
            String name = token.group("name");
            // a name followed by "(" is a function or an aggregation, never a series
            if (name != null && token.group("call") == null && !KEYWORDS.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }
}
