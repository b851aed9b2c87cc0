package io.streamgate.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code streamgate get interceptors|plugins|service-accounts|groups|virtual-clusters|alias-topics|acls}: reads
 * resources and plugins from a running gateway.
 */
@Command(name = "get",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpWidth = ConfigurationHelp.WIDTH,
        subcommands = {GetInterceptorsCommand.class, GetPluginsCommand.class, GetServiceAccountsCommand.class,
            GetGroupsCommand.class, GetVirtualClustersCommand.class, GetAliasTopicsCommand.class, GetAclsCommand.class},
        description = "Shows interceptors, plugins, service accounts, groups, virtual clusters, or the alias topics or "
                + "ACL bindings of a virtual cluster, of a running gateway, as a table, JSON or YAML.",
        footer = {"", "Examples:",
            "  streamgate get interceptors",
            "  streamgate get interceptors --username alice -o yaml > alice.yaml",
            "  streamgate get interceptor tag-producer --vcluster payments",
            "  streamgate get plugins",
            "  streamgate get service-accounts",
            "  streamgate get group payments -o yaml",
            "  streamgate get virtual-clusters",
            "  streamgate get alias-topics --vcluster payments",
            "  streamgate get acls --vcluster payments -o yaml"})
public final class GetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing what to get: interceptors, plugins, "
                + "service-accounts, groups, virtual-clusters, alias-topics or acls");
    }
}
