package vn.commops.activity.communicator;

/** Why a communicator stopped communicating; a code, so events can carry it without free text. */
public enum DeactivationReason {
    LEFT_THE_UNIT, RETIRED, REASSIGNED, NO_LONGER_ACTIVE, OTHER
}
