package vn.commops.crisis.classification;

/** How a rule recognises feedback: any of its keywords as whole words, or a regular expression. */
public enum MatchKind {
    KEYWORD, REGEX
}
