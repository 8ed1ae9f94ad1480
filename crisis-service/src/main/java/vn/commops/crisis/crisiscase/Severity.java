package vn.commops.crisis.crisiscase;

public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
