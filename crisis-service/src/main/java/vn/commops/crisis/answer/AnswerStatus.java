package vn.commops.crisis.answer;

/** PENDING until answered or its deadline passes (OVERDUE); ANSWERED once given, even late. */
public enum AnswerStatus {
    PENDING, ANSWERED, OVERDUE
}
