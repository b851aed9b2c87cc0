package io.streamgate.admin.resources;

import io.streamgate.admin.testing.TagPlugin;
import io.streamgate.admin.testing.TestPluginContext;
import io.streamgate.core.chain.InterceptorRegistry;
import io.streamgate.core.chain.PluginCatalog;
import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.file.FileResourceStore;
import io.streamgate.state.seed.ResourceSeeder;
import io.streamgate.state.seed.SeedSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Seed files of the virtual-cluster kinds, validated by {@link ManagedKinds} as the gateway seeds them. */
class ManagedKindsSeedTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path seedDir;

    private FileResourceStore store;
    private InterceptorRegistry registry;
    private ResourceSeeder seeder;

    @BeforeEach
    void start() {
        store = new FileResourceStore(dataDir);
        registry = new InterceptorRegistry(PluginCatalog.of(new TagPlugin()), new TestPluginContext(dataDir),
                Map.of(), Duration.ZERO);
        seeder = new ResourceSeeder(store, new ManagedKinds(registry));
    }

    @AfterEach
    void stop() {
        registry.close();
        store.close();
    }

    @Test
    void aVirtualClusterItsAliasesAclsAndAccountsSeedTogetherWhateverTheFileOrder() throws IOException {
        // a-*.yaml comes first and refers to the virtual cluster defined in z-*.yaml.
        write("a-tenant-resources.yaml", """
                kind: AliasTopic
                metadata: {name: rates, scope: {virtualCluster: payments}}
                spec: {physicalTopic: shared.fx-rates}
                ---
                kind: AclBinding
                metadata: {name: alice-reads, scope: {virtualCluster: payments}}
                spec: {resourceType: TOPIC, patternType: LITERAL, resourceName: rates, principal: "User:alice",
                       operation: READ, permission: ALLOW}
                ---
                kind: ServiceAccount
                metadata: {name: orders-app}
                spec: {type: LOCAL, virtualCluster: payments}
                """);
        write("z-virtual-clusters.yaml", """
                kind: VirtualCluster
                metadata: {name: payments}
                spec: {acls: {enabled: true}}
                """);

        assertThat(seeder.seed(seedDir)).isEqualTo(new SeedSummary(4, 0, 0));
        assertThat(store.list("AliasTopic")).hasSize(1);
    }

    @Test
    void aSeedWhoseAliasShowsAnotherTenantsTopicOrWhosePrefixesNestWritesNothing() throws IOException {
        write("tenants.yaml", """
                kind: VirtualCluster
                metadata: {name: a}
                spec: {}
                ---
                kind: VirtualCluster
                metadata: {name: b}
                spec: {}
                ---
                kind: AliasTopic
                metadata: {name: stolen, scope: {virtualCluster: a}}
                spec: {physicalTopic: b.secrets}
                """);

        assertThatThrownBy(() -> seeder.seed(seedDir)).isInstanceOf(InvalidResourceException.class)
                .hasMessageStartingWith("tenants.yaml, document 2: metadata.name: the prefix 'b.' would take in "
                        + "'b.secrets', which alias topic stolen of virtual cluster a shows");

        write("tenants.yaml", """
                kind: VirtualCluster
                metadata: {name: a}
                spec: {prefix: team.}
                ---
                kind: VirtualCluster
                metadata: {name: b}
                spec: {prefix: team.b.}
                """);
        assertThatThrownBy(() -> seeder.seed(seedDir)).hasMessageStartingWith("tenants.yaml, document 1: "
                + "spec.prefix: the prefix 'team.' is the start of virtual cluster b's prefix 'team.b.'");
        assertThat(store.snapshot()).isEmpty();
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(seedDir.resolve(name), content);
    }
}
