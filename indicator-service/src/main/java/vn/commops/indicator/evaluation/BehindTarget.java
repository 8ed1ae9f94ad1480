package vn.commops.indicator.evaluation;

/** The payload of {@code indicator.behind-target} and {@code indicator.alert-resolved} on {@code indicator-alerts} (docs/events.md). */
public record BehindTarget(String indicatorCode, String orgUnitCode, String period, Double value, double target,
        double expectedByNow, Double achievement, EvaluationStatus status) {
}
