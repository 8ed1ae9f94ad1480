import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * What deploy/local/kafka.sh asks a running broker or cluster, in one JVM per question: the stock
 * command-line tools take one topic per run, and on a small machine each run costs seconds.
 * Compiled by kafka.sh against the broker's own jars; not part of the Maven build.
 *
 * <pre>
 * ClusterAdmin brokers BOOTSTRAP                  ids of the live (unfenced) brokers, one line
 * ClusterAdmin controller CONTROLLERS             node id of the active controller (quorum leader)
 * ClusterAdmin under-replicated BOOTSTRAP         partitions with fewer in-sync replicas than replicas
 * ClusterAdmin out-of-sync BOOTSTRAP NODE         partitions NODE replicates but is not in sync for
 * ClusterAdmin ensure-topics BOOTSTRAP PARTITIONS REPLICATION_FACTOR MIN_ISR TOPIC...
 * ClusterAdmin describe BOOTSTRAP TOPIC...
 * </pre>
 *
 * Exit status 0 on success, 1 when the broker does not answer or refuses, 2 on wrong usage.
 */
public final class ClusterAdmin {

    private static final String MIN_ISR = "min.insync.replicas";

    private ClusterAdmin() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            usage();
        }
        String command = args[0];
        boolean controllers = "controller".equals(command);
        try (Admin admin = connect(args[1], controllers)) {
            switch (command) {
                case "brokers" -> System.out.println(admin.describeCluster().nodes().get().stream()
                        .map(Node::id).sorted().map(String::valueOf).collect(Collectors.joining(" ")));
                case "controller" -> System.out.println(admin.describeMetadataQuorum().quorumInfo().get().leaderId());
                case "under-replicated" -> System.out.println(count(admin, -1));
                case "out-of-sync" -> {
                    if (args.length != 3) {
                        usage();
                    }
                    System.out.println(count(admin, Integer.parseInt(args[2])));
                }
                case "ensure-topics" -> {
                    if (args.length < 6) {
                        usage();
                    }
                    List<String> topics = List.of(args).subList(5, args.length);
                    ensureTopics(admin, topics, Integer.parseInt(args[2]), Short.parseShort(args[3]), args[4]);
                    describe(admin, topics);
                }
                case "describe" -> describe(admin, List.of(args).subList(2, args.length));
                default -> usage();
            }
        } catch (ExecutionException e) {
            System.err.println("ClusterAdmin " + command + ": " + e.getCause());
            System.exit(1);
        }
    }

    private static void usage() {
        System.err.println("usage: ClusterAdmin brokers|controller|under-replicated|out-of-sync|ensure-topics|describe"
                + " BOOTSTRAP [ARGS...] (see the source)");
        System.exit(2);
    }

    private static Admin connect(String addresses, boolean controllers) {
        Properties settings = new Properties();
        // KIP-919: an admin client may talk to the controller quorum itself, which answers even when
        // every broker is fenced.
        settings.put(controllers ? AdminClientConfig.BOOTSTRAP_CONTROLLERS_CONFIG
                : AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, addresses);
        // A question to a cluster that does not answer fails in seconds (the default waits a minute).
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "commops-local-admin");
        return Admin.create(settings);
    }

    private static Map<String, TopicDescription> describeAll(Admin admin, Collection<String> topics)
            throws ExecutionException, InterruptedException {
        return new TreeMap<>(admin.describeTopics(topics).allTopicNames().get());
    }

    /** Partitions missing an in-sync replica: any replica when node is -1, else that node's. */
    private static long count(Admin admin, int node) throws ExecutionException, InterruptedException {
        Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
        return describeAll(admin, topics).values().stream()
                .flatMap(t -> t.partitions().stream())
                .filter(p -> node < 0 ? p.isr().size() < p.replicas().size()
                        : ids(p.replicas()).contains(node) && !ids(p.isr()).contains(node))
                .count();
    }

    private static List<Integer> ids(List<Node> nodes) {
        return nodes.stream().map(Node::id).toList();
    }

    /**
     * Creates the topics that are missing, and sets min.insync.replicas on those that exist. An existing
     * topic with another replication factor is reported, not changed: that takes a reassignment.
     */
    private static void ensureTopics(Admin admin, List<String> topics, int partitions, short replicationFactor,
            String minIsr) throws ExecutionException, InterruptedException {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                .map(t -> new NewTopic(t, partitions, replicationFactor).configs(Map.of(MIN_ISR, minIsr)))
                .toList();
        for (var created : admin.createTopics(missing).values().entrySet()) {
            try {
                created.getValue().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) { // created meanwhile by a consumer
                    throw e;
                }
            }
        }
        List<String> present = topics.stream().filter(existing::contains).toList();
        if (present.isEmpty()) {
            return;
        }
        for (TopicDescription t : describeAll(admin, present).values()) {
            int rf = t.partitions().get(0).replicas().size();
            if (rf != replicationFactor) {
                System.err.printf("WARNING: topic %s exists with replication factor %d, not %d; delete it to have it"
                        + " created anew%n", t.name(), rf, replicationFactor);
            }
        }
        List<ConfigResource> resources = present.stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new TreeMap<>((a, b) -> a.name().compareTo(b.name()));
        for (var entry : admin.describeConfigs(resources).all().get().entrySet()) {
            ConfigEntry value = entry.getValue().get(MIN_ISR);
            if (value == null || !minIsr.equals(value.value())) {
                changes.put(entry.getKey(), List.of(new AlterConfigOp(new ConfigEntry(MIN_ISR, minIsr),
                        AlterConfigOp.OpType.SET)));
            }
        }
        if (!changes.isEmpty()) {
            admin.incrementalAlterConfigs(changes).all().get();
        }
    }

    /** One line a topic: partitions, replication factor, min.insync.replicas, and each partition's leader and ISR. */
    private static void describe(Admin admin, List<String> topics) throws ExecutionException, InterruptedException {
        // A topic just created has no leaders for a moment: wait for them, up to ten seconds.
        Map<String, TopicDescription> described = describeAll(admin, topics);
        for (int i = 0; i < 20 && described.values().stream().flatMap(t -> t.partitions().stream())
                .anyMatch(p -> p.leader() == null); i++) {
            Thread.sleep(500);
            described = describeAll(admin, topics);
        }
        List<ConfigResource> resources = topics.stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
        for (TopicDescription t : described.values()) {
            List<String> partitions = new ArrayList<>();
            for (TopicPartitionInfo p : t.partitions()) {
                partitions.add(p.partition() + ":leader=" + (p.leader() == null ? "none" : p.leader().id())
                        + ",isr=" + ids(p.isr()).stream().map(String::valueOf).collect(Collectors.joining("+")));
            }
            ConfigEntry minIsr = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, t.name())).get(MIN_ISR);
            System.out.printf("%-38s partitions=%d replication-factor=%d min.insync.replicas=%s  %s%n", t.name(),
                    t.partitions().size(), t.partitions().get(0).replicas().size(),
                    minIsr == null ? "?" : minIsr.value(), String.join(" ", partitions));
        }
    }
}
