package io.streamgate.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code streamgate delete interceptor|service-account|group|virtual-cluster|alias-topic|acl NAME}: deletes resources
 * through a running gateway.
 */
@Command(name = "delete",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpWidth = ConfigurationHelp.WIDTH,
        subcommands = {DeleteInterceptorCommand.class, DeleteServiceAccountCommand.class, DeleteGroupCommand.class,
            DeleteVirtualClusterCommand.class, DeleteAliasTopicCommand.class, DeleteAclCommand.class},
        description = "Deletes a resource (an interceptor, a service account, a group, a virtual cluster, or an alias "
                + "topic or ACL binding of a virtual cluster) through a running gateway's admin API.",
        footer = {"", "Examples:",
            "  streamgate delete interceptor tag-producer",
            "  streamgate delete interceptor tag-producer --username alice",
            "  streamgate delete service-account orders-app",
            "  streamgate delete group payments",
            "  streamgate delete alias-topic rates --vcluster payments",
            "  streamgate delete virtual-cluster payments"})
public final class DeleteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing what to delete: interceptor, "
                + "service-account, group, virtual-cluster, alias-topic or acl NAME");
    }
}
