/**
 * Virtual clusters: tenants that each see a Kafka cluster of their own on one physical cluster. A virtual cluster's
 * topics, groups and transactional ids carry its prefix on the physical cluster; alias topics expose existing
 * physical topics under a logical name. The store keeps the definitions ({@link io.streamgate.core.vcluster.VirtualClusterDirectory}).
 */
package io.streamgate.core.vcluster;
