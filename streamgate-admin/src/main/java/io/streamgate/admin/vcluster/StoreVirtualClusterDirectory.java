package io.streamgate.admin.vcluster;

import io.streamgate.admin.audit.AuditEvent;
import io.streamgate.admin.audit.AuditLog;
import io.streamgate.core.acl.TenantAcls;
import io.streamgate.core.vcluster.AliasTopic;
import io.streamgate.core.vcluster.Tenant;
import io.streamgate.core.vcluster.TenantNamespace;
import io.streamgate.core.vcluster.VirtualCluster;
import io.streamgate.core.vcluster.VirtualClusterDirectory;
import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.PutResult;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceChange;
import io.streamgate.state.ResourceId;
import io.streamgate.state.ResourceStore;
import io.streamgate.state.Subscription;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The {@link VirtualClusterDirectory} of a gateway instance: the {@code VirtualCluster}, {@code AliasTopic} and
 * {@code AclBinding} resources of a {@link ResourceStore}, followed live. {@link #start()} subscribes and takes the
 * snapshot; every change then rebuilds the immutable {@link Tenant} of the virtual cluster it is about, and replaces
 * the map of tenants as a whole, so a change made through any instance sharing the store applies to the next request
 * on this one. The other tenants stay the same objects.
 *
 * <p><b>Threading.</b> {@link #tenant} is asked on event loops, for every request of a virtual-cluster connection: it
 * is one volatile read and a map lookup. Changes are applied on the store's thread. ACL writes (Kafka's CreateAcls
 * and DeleteAcls through the gateway) may block on the store, so they run on a thread of the directory's, one at a
 * time, and complete there; each is validated as the admin API validates, and recorded in the audit log with its
 * actor.
 */
public final class StoreVirtualClusterDirectory implements VirtualClusterDirectory, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreVirtualClusterDirectory.class);

    private final ResourceStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final VirtualClusterResourceValidator validator = new VirtualClusterResourceValidator();
    private final ExecutorService aclWrites = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "streamgate-acl-writes");
        thread.setDaemon(true);
        return thread;
    });
    /** The virtual-cluster resources by virtual cluster, changed under the lock only. */
    private final Map<String, Map<ResourceId, Resource>> resources = new HashMap<>();
    private final Object lock = new Object();
    private volatile Map<String, Tenant> tenants = Map.of();
    private Subscription subscription;

    /**
     * @param audit where ACL writes are recorded
     */
    public StoreVirtualClusterDirectory(ResourceStore store, AuditLog audit) {
        this(store, audit, Clock.systemUTC());
    }

    StoreVirtualClusterDirectory(ResourceStore store, AuditLog audit, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Subscribes to the store and loads its virtual clusters; returns once they are loaded. */
    public StoreVirtualClusterDirectory start() {
        synchronized (lock) {
            if (subscription != null) {
                throw new IllegalStateException("already started");
            }
            // A change may arrive before the snapshot is loaded: the listener waits for the lock.
            subscription = store.subscribe(this::apply);
            subscription.snapshot().forEach((id, resource) -> virtualClusterOf(id).ifPresent(cluster ->
                    resources.computeIfAbsent(cluster, any -> new HashMap<>()).put(id, resource)));
            Map<String, Tenant> loaded = new HashMap<>();
            resources.keySet().forEach(cluster -> build(cluster).ifPresent(tenant -> loaded.put(cluster, tenant)));
            tenants = Map.copyOf(loaded);
        }
        return this;
    }

    private void apply(ResourceChange change) {
        Optional<String> cluster = virtualClusterOf(change.id());
        if (cluster.isEmpty()) {
            return;
        }
        String name = cluster.get();
        synchronized (lock) {
            Map<ResourceId, Resource> ofCluster = resources.computeIfAbsent(name, any -> new HashMap<>());
            if (change instanceof ResourceChange.Upserted upserted) {
                ofCluster.put(change.id(), upserted.after());
            } else {
                ofCluster.remove(change.id());
                if (ofCluster.isEmpty()) {
                    resources.remove(name);
                }
            }
            Map<String, Tenant> next = new HashMap<>(tenants);
            build(name).ifPresentOrElse(tenant -> next.put(name, tenant), () -> next.remove(name));
            tenants = Map.copyOf(next);
        }
    }

    @Override
    public Optional<Tenant> tenant(String virtualCluster) {
        return Optional.ofNullable(tenants.get(virtualCluster));
    }

    /**
     * Stores each binding as an {@code AclBinding} resource named after it ({@link AclBindingSpec#derivedName()}); a
     * binding the virtual cluster already has, under any name, is left as it is. Fails with an
     * {@link InvalidRequestException} naming the problem, before anything is written, when the virtual cluster does
     * not exist or a binding has a value a virtual cluster does not take (a resource type, operation or principal
     * type Kafka has but a virtual cluster does not use); with the store's exception when a write fails.
     */
    @Override
    public CompletionStage<Void> createAcls(String virtualCluster, List<AclBinding> bindings, String actor) {
        return CompletableFuture.runAsync(() -> writeAcls(virtualCluster, bindings, actor), aclWrites);
    }

    @Override
    public CompletionStage<List<AclBinding>> deleteAcls(String virtualCluster, AclBindingFilter filter, String actor) {
        return CompletableFuture.supplyAsync(() -> removeAcls(virtualCluster, filter, actor), aclWrites);
    }

    private void writeAcls(String virtualCluster, List<AclBinding> bindings, String actor) {
        Map<ResourceId, Resource> planned = new HashMap<>(store.snapshot());
        List<Resource> wanted = new ArrayList<>();
        for (AclBinding binding : bindings) {
            AclBindingSpec spec;
            try {
                spec = AclBindingSpec.of(binding);
            } catch (InvalidResourceException e) {
                throw new InvalidRequestException(binding + ": " + e.getMessage());
            }
            Resource resource = spec.toResource(virtualCluster, spec.derivedName());
            if (!hasBinding(planned, virtualCluster, spec)) {
                planned.put(resource.id(), resource);
                wanted.add(resource);
            }
        }
        for (Resource resource : wanted) {
            try {
                validator.validate(resource, planned);
            } catch (InvalidResourceException e) {
                throw new InvalidRequestException(e.getMessage());
            }
        }
        for (Resource resource : wanted) {
            PutResult result = store.put(resource, actor);
            record(actor, "CREATE_ACL", resource, result.outcome().name());
        }
    }

    private List<AclBinding> removeAcls(String virtualCluster, AclBindingFilter filter, String actor) {
        List<AclBinding> deleted = new ArrayList<>();
        for (Resource resource : store.list(AclBindingSpec.KIND)) {
            if (!virtualCluster.equals(resource.metadata().scope().virtualCluster())) {
                continue;
            }
            AclBinding binding = readable(resource, AclBindingSpec::of).map(AclBindingSpec::toAclBinding).orElse(null);
            if (binding != null && filter.matches(binding) && store.delete(resource.id(), actor)) {
                deleted.add(binding);
                record(actor, "DELETE_ACL", resource, "DELETED");
            }
        }
        return deleted;
    }

    private static boolean hasBinding(Map<ResourceId, Resource> resources, String virtualCluster,
                                      AclBindingSpec spec) {
        return resources.values().stream().anyMatch(resource -> resource.kind().equals(AclBindingSpec.KIND)
                && virtualCluster.equals(resource.metadata().scope().virtualCluster())
                && readable(resource, AclBindingSpec::of).filter(spec::equals).isPresent());
    }

    private void record(String actor, String action, Resource resource, String outcome) {
        audit.record(new AuditEvent(clock.instant(), actor, action, resource.kind(), resource.metadata().name(),
                Map.of("virtualCluster", resource.metadata().scope().virtualCluster()), outcome, false, null,
                AclBindingSpec.of(resource).toAclBinding().toString()));
    }

    /** The tenant of the virtual cluster {@code name}, from its resources; empty when it has no readable definition. */
    private Optional<Tenant> build(String name) {
        Map<ResourceId, Resource> ofCluster = resources.getOrDefault(name, Map.of());
        Optional<VirtualCluster> cluster = Optional.ofNullable(
                        ofCluster.get(VirtualClusterRules.virtualClusterId(name)))
                .flatMap(resource -> readable(resource, VirtualClusterSpec::of)
                        .map(spec -> spec.toVirtualCluster(name)));
        if (cluster.isEmpty()) {
            return Optional.empty();
        }
        List<AliasTopic> aliases = new ArrayList<>();
        List<AclBinding> bindings = new ArrayList<>();
        for (Resource resource : ofCluster.values()) {
            switch (resource.kind()) {
                case AliasTopicSpec.KIND -> readable(resource, AliasTopicSpec::of)
                        .ifPresent(alias -> aliases.add(alias.toAliasTopic(resource)));
                case AclBindingSpec.KIND -> readable(resource, AclBindingSpec::of)
                        .ifPresent(binding -> bindings.add(binding.toAclBinding()));
                default -> { }
            }
        }
        return Optional.of(new Tenant(cluster.get(), new TenantNamespace(cluster.get().prefix(), aliases),
                TenantAcls.of(bindings)));
    }

    /** The virtual cluster a resource is part of, if it is one of a virtual cluster's kinds. */
    private static Optional<String> virtualClusterOf(ResourceId id) {
        return switch (id.kind()) {
            case VirtualClusterSpec.KIND -> Optional.of(id.name());
            case AliasTopicSpec.KIND, AclBindingSpec.KIND -> Optional.ofNullable(id.scope().virtualCluster());
            default -> Optional.empty();
        };
    }

    /** The spec of a stored resource; empty (and logged) when it does not read, e.g. an older gateway wrote it. */
    private static <T> Optional<T> readable(Resource resource, Function<Resource, T> reader) {
        try {
            return Optional.of(reader.apply(resource));
        } catch (InvalidResourceException e) {
            LOG.error("Ignoring {}: {}", resource.id(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Stops following the store and writing ACLs. */
    @Override
    public void close() {
        Subscription current;
        synchronized (lock) {
            current = subscription;
        }
        // Not under the lock: closing may wait for a change being applied, which takes the lock.
        if (current != null) {
            current.close();
        }
        aclWrites.shutdown();
    }
}
