package vn.commops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every metric that deploy/'s alert rules and dashboard name, with the places that name it. */
final class MetricReferences {

    static final String ALERTS = "deploy/prometheus/alerts.yml";
    static final String DASHBOARD = "deploy/grafana/commops-pipeline.json";

    /** Series Prometheus records itself for each target: no process exports them. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up", "scrape_duration_seconds",
            "scrape_samples_scraped", "scrape_samples_post_metric_relabeling", "scrape_series_added");
    // Grafana's variable query label_values(<series>, <label>): only its first argument selects series.
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.*),\\s*\\w+\\s*\\)");

    private final Map<String, Set<String>> places = new TreeMap<>();

    static MetricReferences read(Path repositoryRoot) throws IOException {
        MetricReferences references = new MetricReferences();
        JsonNode alerts = new ObjectMapper(new YAMLFactory()).readTree(repositoryRoot.resolve(ALERTS).toFile());
        for (JsonNode group : alerts.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String name = rule.has("alert") ? rule.path("alert").asText() : rule.path("record").asText();
                references.add(ALERTS + " " + name, rule.path("expr").asText());
            }
        }
        JsonNode dashboard = new ObjectMapper().readTree(repositoryRoot.resolve(DASHBOARD).toFile());
        references.addPanels(dashboard.path("panels"));
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if ("query".equals(variable.path("type").asText())) {
                JsonNode query = variable.path("query");
                String text = query.isObject() ? query.path("query").asText() : query.asText();
                Matcher labelValues = LABEL_VALUES.matcher(text);
                references.add(DASHBOARD + " variable " + variable.path("name").asText(),
                        labelValues.matches() ? labelValues.group(1) : text);
            }
        }
        return references;
    }

    /** Panels, and the panels of collapsed rows, which Grafana nests. */
    private void addPanels(JsonNode panels) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                add(DASHBOARD + " panel \"" + panel.path("title").asText() + "\"", target.path("expr").asText());
            }
            addPanels(panel.path("panels"));
        }
    }

    void add(String place, String expression) {
        for (String name : PromqlMetricNames.in(expression)) {
            places.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(place);
        }
    }

    Set<String> names() {
        return places.keySet();
    }

    /** The named metrics none of the exported ones matches, each with where it is named; empty when none. */
    Map<String, Set<String>> notExportedBy(Set<String> exported) {
        Map<String, Set<String>> missing = new TreeMap<>(places);
        missing.keySet().removeAll(exported);
        missing.keySet().removeAll(PROMETHEUS_OWN);
        return missing;
    }
}
