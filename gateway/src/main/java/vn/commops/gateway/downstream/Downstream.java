package vn.commops.gateway.downstream;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.commops.gateway.GatewayConfig;

/** A service behind the gateway: the instances it runs as, and which public path prefixes it owns. */
public record Downstream(String name, List<Instance> instances, List<String> prefixes, String openapiPath,
        String readinessPath) {

    public Downstream {
        instances = List.copyOf(instances);
        prefixes = List.copyOf(prefixes);
    }

    static Downstream of(String name, GatewayConfig.Service service) {
        return new Downstream(name, instancesOf(name, service.url()), service.prefixes(), service.openapiPath(),
                service.readinessPath());
    }

    /** One instance per comma-separated URL, each checked, so a typo stops the start instead of a request. */
    static List<Instance> instancesOf(String name, String urls) {
        String setting = "commops.gateway.services." + name + ".url";
        List<Instance> instances = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String url : urls.split(",", -1)) {
            if (url.isBlank()) {
                throw new IllegalArgumentException(setting + " has an empty entry in '" + urls
                        + "': list the instances' URLs separated by single commas");
            }
            Instance instance = Instance.parse(name, url.trim(), setting);
            if (!seen.add(instance.address())) {
                throw new IllegalArgumentException(setting + " lists " + instance.url() + " twice");
            }
            instances.add(instance);
        }
        return instances;
    }

    /** How problems and logs name it: "plan service". */
    public String title() {
        return name + " service";
    }
}
