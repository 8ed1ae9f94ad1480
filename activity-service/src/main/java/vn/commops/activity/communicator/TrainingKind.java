package vn.commops.activity.communicator;

/** What a training is for; each kind's certificate stays valid for its own configured period. */
public enum TrainingKind {
    /** The first training of a communicator or collaborator in the policy and its communication. */
    INITIAL,
    /** Retraining that renews a certificate. */
    REFRESHER,
    /** Training of key lecturers (báo cáo viên), who then train others. */
    TRAINING_OF_TRAINERS
}
