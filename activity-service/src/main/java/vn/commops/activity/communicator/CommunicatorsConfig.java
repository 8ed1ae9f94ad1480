package vn.commops.activity.communicator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Period;

@ConfigMapping(prefix = "commops.communicators")
public interface CommunicatorsConfig {

    Certificates certificates();

    Retraining retraining();

    /** How long a certificate stays valid after it is issued, per kind of training. */
    interface Certificates {

        @WithDefault("P24M")
        Period initialValidity();

        @WithDefault("P24M")
        Period refresherValidity();

        /** Key lecturers are trained less often and more deeply. */
        @WithDefault("P36M")
        Period trainingOfTrainersValidity();

        default Period validity(TrainingKind kind) {
            return switch (kind) {
                case INITIAL -> initialValidity();
                case REFRESHER -> refresherValidity();
                case TRAINING_OF_TRAINERS -> trainingOfTrainersValidity();
            };
        }
    }

    interface Retraining {

        /** Training hours a communicator should have attended within {@link #hoursWindow()}; fewer puts them on the list. */
        @WithDefault("16")
        BigDecimal minimumHours();

        @WithDefault("P12M")
        Period hoursWindow();

        /** The window of GET /communicators/retraining-due when the caller names none. */
        @WithDefault("P90D")
        Period defaultWithin();
    }
}
