package vn.commops.crisis.classification;

public enum Sentiment {
    NEGATIVE, NEUTRAL, POSITIVE
}
