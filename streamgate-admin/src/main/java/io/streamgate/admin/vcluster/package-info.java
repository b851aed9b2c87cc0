/**
 * Virtual clusters as resources: the {@code VirtualCluster}, {@code AliasTopic} and {@code AclBinding} specs, the
 * rules that keep tenants apart across resources (prefixes that never nest, aliases that never reach another tenant's
 * topics), and the store-backed {@link io.streamgate.core.vcluster.VirtualClusterDirectory} that the gateway's
 * connections ask.
 */
package io.streamgate.admin.vcluster;
