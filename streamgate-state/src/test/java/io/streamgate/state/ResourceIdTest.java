package io.streamgate.state;

import io.streamgate.api.Scope;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourceIdTest {

    @Test
    void identifiesByKindScopeAndNameSoOneNameMayExistAtSeveralScopes() {
        ResourceId global = new ResourceId("Interceptor", "tracing", Scope.GLOBAL);
        ResourceId alice = new ResourceId("Interceptor", "tracing", Scope.username("alice"));
        ResourceId group = new ResourceId("Group", "tracing", Scope.GLOBAL);

        assertThat(global).isNotEqualTo(alice).isNotEqualTo(group);
        assertThat(new ResourceId("Interceptor", "tracing", null)).isEqualTo(global);
    }

    @Test
    void acceptsNamesOfUpTo253CharactersStartingWithALetterOrDigit() {
        assertThat(ResourceId.isValidName("a")).isTrue();
        assertThat(ResourceId.isValidName("0.payments_v2-eu")).isTrue();
        assertThat(ResourceId.isValidName("a".repeat(253))).isTrue();
        assertThat(ResourceId.isValidName("a".repeat(254))).isFalse();
        assertThat(ResourceId.isValidName("-a")).isFalse();
        assertThat(ResourceId.isValidName(".a")).isFalse();
        assertThat(ResourceId.isValidName("a b")).isFalse();
        assertThat(ResourceId.isValidName("a/b")).isFalse();
        assertThat(ResourceId.isValidName("")).isFalse();
        assertThat(ResourceId.isValidName(null)).isFalse();
    }

    @Test
    void acceptsKindsThatStartWithAnUpperCaseLetter() {
        assertThat(ResourceId.isValidKind("Interceptor")).isTrue();
        assertThat(ResourceId.isValidKind("AliasTopic2")).isTrue();
        assertThat(ResourceId.isValidKind("interceptor")).isFalse();
        assertThat(ResourceId.isValidKind("Alias-Topic")).isFalse();
        assertThatThrownBy(() -> new ResourceId("bad", "a", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'bad' is not a valid kind");
    }

    @Test
    void ordersByKindThenNameThenScopeWithGlobalFirst() {
        ResourceId a = new ResourceId("Interceptor", "a", Scope.GLOBAL);
        ResourceId aVcluster = new ResourceId("Interceptor", "a", Scope.virtualCluster("payments"));
        ResourceId aUser = new ResourceId("Interceptor", "a", Scope.username("alice"));
        ResourceId b = new ResourceId("Interceptor", "b", Scope.GLOBAL);
        ResourceId group = new ResourceId("Group", "z", Scope.GLOBAL);
        List<ResourceId> ids = new ArrayList<>(List.of(b, aVcluster, group, aUser, a));
        ids.sort(null);

        assertThat(ids).containsExactly(group, a, aUser, aVcluster, b);
    }
}
