package vn.commops.common.event;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "commops.events")
public interface EventsConfig {

    /** Prepended to every topic name; tests set a per-run prefix so runs never see each other's events. */
    @WithDefault("commops.")
    String topicPrefix();

    /** How often each consumer group's lag is read from the broker for the metrics ({@code ConsumerLag}). */
    @WithDefault("15s")
    Duration consumerLagInterval();

    Relay relay();

    interface Relay {
        /** How often the relay looks for unsent events, besides being woken by each commit. */
        @WithDefault("1s")
        Duration interval();

        /**
         * About how many events one relay pass sends before it commits (whole outbox rows: a row written in
         * bulk can hold more): one round trip and one update for each.
         */
        @WithDefault("5000")
        int batchSize();

        /**
         * How long the relay waits for ids skipped by a pass (their transactions still running) before
         * it reads them again even if an older transaction is still open on the server.
         */
        @WithDefault("5s")
        Duration gapTimeout();

        /** How often the relay looks below its cursor for anything it could have missed. */
        @WithDefault("1m")
        Duration sweepInterval();

        /** How long the relay waits for the broker's acknowledgement of a batch. */
        @WithDefault("30s")
        Duration ackTimeout();

        /** How long relayed events stay in the outbox for inspection and replay. */
        @WithDefault("P7D")
        Duration retention();

        /** The oldest unsent event's age past which the relay reports itself degraded (health group pipeline). */
        @WithDefault("60s")
        Duration degradedAfter();

        /** How often the outbox backlog is measured for the metrics and the health check. */
        @WithDefault("15s")
        Duration backlogInterval();
    }

    default String topic(String name) {
        return topicPrefix() + name;
    }
}
