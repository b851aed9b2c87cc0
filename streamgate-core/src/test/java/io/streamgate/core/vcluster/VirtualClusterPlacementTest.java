package io.streamgate.core.vcluster;

import io.streamgate.core.acl.TenantAcls;
import io.streamgate.core.auth.AuthenticationFailedException;
import io.streamgate.core.auth.Identity;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VirtualClusterPlacementTest {

    private static final VirtualClusterDirectory DIRECTORY = new VirtualClusterDirectory() {
        @Override
        public Optional<Tenant> tenant(String virtualCluster) {
            if (!Set.of("a", "b").contains(virtualCluster)) {
                return Optional.empty();
            }
            return Optional.of(new Tenant(new VirtualCluster(virtualCluster, virtualCluster + ".", false, Set.of(),
                    false), new TenantNamespace(virtualCluster + ".", List.of()), TenantAcls.NONE));
        }

        @Override
        public CompletionStage<Void> createAcls(String virtualCluster, List<AclBinding> bindings, String actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<List<AclBinding>> deleteAcls(String virtualCluster, AclBindingFilter filter,
                                                            String actor) {
            throw new UnsupportedOperationException();
        }
    };

    private static Identity account(String name, String virtualCluster) {
        return new Identity(name, Optional.of(name), Set.of(), Optional.ofNullable(virtualCluster));
    }

    @Test
    void anAccountLandsInItsOwnVirtualClusterAndOthersInTheListenersOrInPassthrough() throws Exception {
        VirtualClusterPlacement open = new VirtualClusterPlacement("l", null, false, DIRECTORY);
        assertThat(open.place(account("alice", "a"))).isEqualTo("a");
        assertThat(open.place(account("bob", null))).isNull();

        VirtualClusterPlacement bound = new VirtualClusterPlacement("l", "b", false, DIRECTORY);
        assertThat(bound.place(Identity.ANONYMOUS)).isEqualTo("b");
        assertThat(bound.place(account("bob", null))).isEqualTo("b");
        assertThat(bound.place(account("carol", "b"))).isEqualTo("b");
    }

    @Test
    void refusesAnAccountOfAnotherVirtualClusterThanTheListenersOrNoneWhenOneIsRequired() {
        VirtualClusterPlacement bound = new VirtualClusterPlacement("tenant-b", "b", true, DIRECTORY);
        assertThatThrownBy(() -> bound.place(account("alice", "a"))).isInstanceOf(AuthenticationFailedException.class)
                .hasMessage("service account alice belongs to virtual cluster a, not to virtual cluster b of "
                        + "listener tenant-b");

        VirtualClusterPlacement required = new VirtualClusterPlacement("l", null, true, DIRECTORY);
        assertThatThrownBy(() -> required.place(account("bob", null)))
                .hasMessage("principal bob is in no virtual cluster, and this gateway requires one");
        assertThatThrownBy(() -> required.place(account("dave", "gone")))
                .hasMessage("virtual cluster gone does not exist");
    }
}
