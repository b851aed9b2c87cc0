package io.streamgate.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamgate.api.Scope;
import io.streamgate.core.auth.AuthenticationFailedException;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceId;
import io.streamgate.state.document.ResourceDocuments;
import org.apache.kafka.common.security.scram.ScramCredential;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The admin commands against a running admin server: what they send, print and exit with. */
class AdminCommandsTest {

    private static final String TAG = """
            kind: Interceptor
            metadata: {name: tag}
            spec: {plugin: test-tag, priority: 10, config: {headers: {x-team: payments}}}
            """;

    private static final String ACCOUNTS = """
            kind: ServiceAccount
            metadata: {name: orders-app}
            spec: {type: LOCAL}
            ---
            kind: ServiceAccount
            metadata: {name: billing}
            spec: {type: EXTERNAL, principal: "CN=billing,O=acme"}
            ---
            kind: Group
            metadata: {name: payments}
            spec: {members: [orders-app, billing], externalGroups: [payments-team]}
            """;

    private static final String TENANT = """
            kind: VirtualCluster
            metadata: {name: payments}
            spec: {acls: {enabled: true}, superUsers: ["User:admin"]}
            ---
            kind: AliasTopic
            metadata: {name: rates, scope: {virtualCluster: payments}}
            spec: {physicalTopic: shared.fx-rates}
            ---
            kind: AclBinding
            metadata: {name: alice-reads, scope: {virtualCluster: payments}}
            spec: {resourceType: TOPIC, patternType: LITERAL, resourceName: orders, principal: "User:alice",
                   operation: READ, permission: ALLOW}
            """;

    @TempDir
    Path dataDir;

    @TempDir
    Path files;

    private RunningGateway gateway;
    private final Map<String, String> environment = new HashMap<>();
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void start() {
        gateway = new RunningGateway(dataDir);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void applyOfADirectoryAppliesEveryDocumentOfItsYamlAndJsonFilesInNameOrder() throws IOException {
        write("b.yaml", TAG.replace("name: tag", "name: second") + "---\n"
                + TAG.replace("{name: tag}", "{name: tag, scope: {username: alice}}"));
        write("a.json", "[{\"kind\": \"Interceptor\", \"metadata\": {\"name\": \"first\"}, \"spec\": {\"plugin\": "
                + "\"test-tag\", \"config\": {\"headers\": {\"x\": \"y\"}}}}]");
        write("notes.txt", "not a resource");
        write(".hidden.yaml", "not: [valid");

        assertThat(cli("apply", "-f", files.toString())).isZero();

        assertThat(lines(out)).containsExactly("interceptor/first created", "interceptor/second created",
                "interceptor/tag (username=alice) created");
        assertThat(gateway.store().list("Interceptor")).hasSize(3);
        await().atMost(Duration.ofSeconds(1)).until(() -> gateway.registry().definitions().size() == 3);

        write("b.yaml", TAG.replace("name: tag", "name: second").replace("priority: 10", "priority: 11") + "---\n"
                + TAG.replace("{name: tag}", "{name: tag, scope: {username: alice}}"));
        assertThat(cli("apply", "-f", files.toString())).isZero();
        assertThat(lines(out)).containsExactly("interceptor/first unchanged", "interceptor/second updated",
                "interceptor/tag (username=alice) unchanged");
    }

    @Test
    void applyWithDryRunValidatesAndStoresNothing() throws IOException {
        Path file = write("tag.yaml", TAG);

        assertThat(cli("apply", "-f", file.toString(), "--dry-run")).isZero();

        assertThat(lines(out)).containsExactly("interceptor/tag created (dry run)");
        assertThat(gateway.store().snapshot()).isEmpty();
    }

    @Test
    void applyReportsARefusedResourceWithTheGatewaysReasonAppliesTheOthersAndExitsWith1() throws IOException {
        write("a.yaml", TAG + "---\n" + TAG.replace("name: tag", "name: bad").replace("x-team", "forbidden")
                + "---\n" + TAG.replace("name: tag", "name: last"));

        assertThat(cli("apply", "-f", files.toString())).isEqualTo(1);

        assertThat(lines(out)).containsExactly("interceptor/tag created", "interceptor/last created");
        assertThat(err.toString()).isEqualTo("streamgate: a.yaml, document 2 (interceptor/bad): "
                + "spec.config.headers.forbidden: this header name is reserved" + System.lineSeparator());
    }

    @Test
    void applySendsNothingWhenAFileDoesNotParse() throws IOException {
        write("a.yaml", TAG);
        write("b.yaml", TAG.replace("priority: 10", "priority: 10, colour: red").replace("spec:", "spec:")
                + "---\nkind: Interceptor\nmetadata: {name: x, scope: {group: g, username: u}}\nspec: {plugin: p}\n");

        assertThat(cli("apply", "-f", files.toString())).isEqualTo(1);

        assertThat(err.toString()).contains("streamgate: b.yaml, document 2: metadata.scope: a scope names a group or "
                + "a username, not both").contains("nothing was applied");
        assertThat(gateway.store().snapshot()).isEmpty();
    }

    @Test
    void getInterceptorsPrintsATableJsonOrYamlThatApplyTakesBack() throws IOException {
        apply(TAG);
        apply(TAG.replace("{name: tag}", "{name: tag, scope: {virtualCluster: payments, username: alice}}")
                .replace("priority: 10", "priority: 5, timeout: 500ms"));

        assertThat(cli("get", "interceptors")).isZero();
        assertThat(lines(out)).containsExactly(
                "NAME   SCOPE                              PLUGIN     PRIORITY   TIMEOUT   REVISION   UPDATED BY",
                "tag    global                             test-tag   10         10s       1          local-admin",
                "tag    vcluster=payments,username=alice   test-tag   5          500ms     1          local-admin");

        assertThat(cli("get", "interceptors", "--username", "alice", "-o", "json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json).hasSize(1);
        assertThat(json.get(0).at("/metadata/scope/virtualCluster").asText()).isEqualTo("payments");

        assertThat(cli("get", "interceptors", "-o", "yaml")).isZero();
        Path exported = write("exported.yaml", out.toString());
        assertThat(ResourceDocuments.read(exported)).hasSize(2);
        assertThat(cli("apply", "-f", exported.toString())).isZero();
        assertThat(lines(out)).containsExactly("interceptor/tag unchanged",
                "interceptor/tag (vcluster=payments,username=alice) unchanged");
    }

    @Test
    void getInterceptorNamesOneAndTheScopeWhenSeveralHaveTheName() throws IOException {
        apply(TAG);
        apply(TAG.replace("{name: tag}", "{name: tag, scope: {group: ops}}"));

        assertThat(cli("get", "interceptor", "tag", "--group", "ops", "-o", "yaml")).isZero();
        Resource resource = ResourceDocuments.parseSingle(out.toString(), null);
        assertThat(resource.id()).isEqualTo(new ResourceId("Interceptor", "tag", Scope.group("ops")));

        assertThat(cli("get", "interceptor", "tag")).isEqualTo(1);
        assertThat(err.toString()).startsWith("streamgate: interceptor tag exists in several scopes (global; group=ops)");

        assertThat(cli("get", "interceptor", "nothing")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("streamgate: no interceptor named nothing" + System.lineSeparator());
    }

    @Test
    void getPluginsListsThePluginsTheGatewayCanRun() throws IOException {
        assertThat(cli("get", "plugins")).isZero();
        assertThat(lines(out)).containsExactly("ID         VERSION   SOURCE   TITLE", "test-tag   9.9       given    Tag");

        assertThat(cli("get", "plugin", "test-tag", "-o", "json")).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).at("/configSchema/required/0").asText())
                .isEqualTo("headers");

        assertThat(cli("get", "plugin", "nope")).isEqualTo(1);
        assertThat(err.toString()).contains("no plugin 'nope'");
    }

    @Test
    void deleteInterceptorDeletesItInItsScope() throws IOException {
        apply(TAG);
        apply(TAG.replace("{name: tag}", "{name: tag, scope: {username: alice}}"));

        assertThat(cli("delete", "interceptor", "tag")).isEqualTo(1);
        assertThat(err.toString()).contains("exists in several scopes");

        assertThat(cli("delete", "interceptor", "tag", "--username", "alice")).isZero();
        assertThat(lines(out)).containsExactly("interceptor/tag deleted");
        assertThat(gateway.store().list("Interceptor")).extracting(r -> r.metadata().scope()).containsExactly(Scope.GLOBAL);

        assertThat(cli("delete", "interceptor", "tag", "--global")).isZero();
        assertThat(cli("delete", "interceptor", "tag")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("streamgate: no interceptor named tag" + System.lineSeparator());
    }

    @Test
    void resolvePrintsTheChainOfAnIdentityInOrder() throws IOException {
        apply(TAG.replace("priority: 10", "priority: 50"));
        apply(TAG.replace("{name: tag}", "{name: tag, scope: {group: ops}}").replace("priority: 10", "priority: 20"));
        apply(TAG.replace("name: tag", "name: first").replace("priority: 10", "priority: 1"));
        await().atMost(Duration.ofSeconds(1)).until(() -> gateway.registry().definitions().size() == 3);

        assertThat(cli("resolve", "--username", "alice", "--group", "ops", "--group", "auditors")).isZero();
        assertThat(lines(out)).containsExactly(
                "#   NAME    PLUGIN     PRIORITY   SCOPE       TIMEOUT",
                "1   first   test-tag   1          global      10s",
                "2   tag     test-tag   20         group=ops   10s");

        assertThat(cli("resolve", "--username", "bob", "-o", "json")).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).get("interceptors")).hasSize(2);

        assertThat(cli("resolve")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--username=U'");
    }

    @Test
    void withoutCredentialsTheTokenInTheDataDirectoryIsUsedAndItsAbsenceExplainsA401() throws IOException {
        environment.put("STREAMGATE_DATA_DIR", dataDir.toString());
        assertThat(cliWithoutDataDir("get", "interceptors")).isZero();

        environment.remove("STREAMGATE_DATA_DIR");
        Path elsewhere = files.resolve("elsewhere");
        assertThat(cliWithoutDataDir("get", "interceptors", "--data-dir", elsewhere.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("streamgate: authentication required: send 'Authorization: Bearer "
                + "<token>' or HTTP basic credentials; no credentials: pass --token, or --user and --password (there "
                + "is no token file at " + elsewhere.resolve("admin-token") + "; --data-dir names the gateway's data "
                + "directory)" + System.lineSeparator());
    }

    @Test
    void aWrongTokenIs401AndAViewerMayReadButNotWrite() throws IOException {
        assertThat(cliWithoutDataDir("get", "interceptors", "--token", "wrong")).isEqualTo(1);
        assertThat(err.toString()).startsWith("streamgate: invalid credentials; the gateway does not accept the token "
                + "given with --token");

        assertThat(cliWithoutDataDir("get", "plugins", "--token", RunningGateway.VIEWER_TOKEN)).isZero();
        Path file = write("tag.yaml", TAG);
        assertThat(cliWithoutDataDir("apply", "-f", file.toString(), "--token", RunningGateway.VIEWER_TOKEN))
                .isEqualTo(1);
        assertThat(err.toString()).contains("dashboard has role viewer, which may read but not change resources");
    }

    @Test
    void aUserSignsInWithBasicAuthentication() throws IOException {
        Path file = write("tag.yaml", TAG);

        assertThat(cliWithoutDataDir("apply", "-f", file.toString(), "--user", "alice", "--password",
                RunningGateway.ALICE_PASSWORD)).isZero();

        assertThat(gateway.store().list("Interceptor")).singleElement()
                .satisfies(resource -> assertThat(resource.metadata().updatedBy()).isEqualTo("alice"));
        assertThat(cliWithoutDataDir("get", "plugins", "--user", "alice", "--password", "wrong")).isEqualTo(1);
        assertThat(err.toString()).contains("the gateway does not accept user alice with that password");
        assertThat(cliWithoutDataDir("get", "plugins", "--user", "alice", "--token", "x", "--password", "y"))
                .isEqualTo(2);
    }

    @Test
    void noGatewayAnsweringIsAClearErrorWithExitCode1() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        int exitCode = execute("get", "interceptors", "--admin-url", "http://127.0.0.1:" + port, "--token", "x");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).startsWith("streamgate: no gateway answering at http://127.0.0.1:" + port);
        assertThat(execute("get", "plugins", "--admin-url", "ftp://x")).isEqualTo(2);
        assertThat(err.toString()).contains("'--admin-url': 'ftp://x' is not an http:// or https:// URL");
    }

    @Test
    void applyCreatesServiceAccountsAndGroupsAndGetShowsThemAsTablesOrYamlThatApplyTakesBack() throws IOException {
        write("identities.yaml", ACCOUNTS);

        assertThat(cli("apply", "-f", files.resolve("identities.yaml").toString())).as(err.toString()).isZero();

        assertThat(lines(out)).containsExactly("serviceaccount/orders-app created", "serviceaccount/billing created",
                "group/payments created");
        assertThat(cli("get", "service-accounts")).isZero();
        assertThat(lines(out).get(0)).startsWith("NAME").contains("TYPE", "PRINCIPAL", "SCRAM");
        assertThat(lines(out).get(1)).startsWith("billing").contains("EXTERNAL", "CN=billing");
        assertThat(lines(out).get(2)).startsWith("orders-app").contains("LOCAL");
        assertThat(cli("get", "group", "payments")).isZero();
        assertThat(lines(out).get(1)).startsWith("payments").contains("orders-app,billing", "payments-team");
        assertThat(cli("get", "service-accounts", "-o", "yaml")).isZero();
        Path exported = write("exported.yaml", out.toString());
        assertThat(cli("apply", "-f", exported.toString())).isZero();
        assertThat(lines(out)).containsExactly("serviceaccount/billing unchanged",
                "serviceaccount/orders-app unchanged");
        assertThat(cli("get", "service-account", "ghost")).isEqualTo(1);
        assertThat(err.toString()).contains("no service account named ghost");
    }

    @Test
    void deleteServiceAccountAndGroupDeleteThem() throws IOException {
        apply(ACCOUNTS);

        assertThat(cli("delete", "service-account", "orders-app")).isZero();
        assertThat(cli("delete", "group", "payments")).isZero();

        assertThat(lines(out)).containsExactly("group/payments deleted");
        assertThat(gateway.store().list("ServiceAccount")).extracting(resource -> resource.metadata().name())
                .containsExactly("billing");
        assertThat(gateway.store().list("Group")).isEmpty();
        assertThat(cli("delete", "group", "payments")).isEqualTo(1);
    }

    @Test
    void applyCreatesAVirtualClusterWithItsAliasesAndAclsAndGetShowsThemAsTablesOrYamlThatApplyTakesBack()
            throws IOException {
        write("tenant.yaml", TENANT);

        assertThat(cli("apply", "-f", files.resolve("tenant.yaml").toString())).as(err.toString()).isZero();

        assertThat(lines(out)).containsExactly("virtualcluster/payments created",
                "aliastopic/rates (vcluster=payments) created", "aclbinding/alice-reads (vcluster=payments) created");
        assertThat(cli("get", "virtual-clusters")).isZero();
        assertThat(lines(out).get(0)).startsWith("NAME").contains("PREFIX", "ACLS", "SUPER USERS", "READ-ONLY");
        assertThat(lines(out).get(1)).startsWith("payments").contains("payments.", "enabled", "User:admin");
        assertThat(cli("get", "alias-topics", "--vcluster", "payments")).isZero();
        assertThat(lines(out).get(1)).startsWith("rates").contains("shared.fx-rates", "true");
        assertThat(cli("get", "acls", "--vcluster", "payments")).isZero();
        assertThat(lines(out).get(1)).startsWith("alice-reads").contains("User:alice", "ALLOW", "READ", "TOPIC",
                "LITERAL", "orders");
        assertThat(cli("get", "acls", "--vcluster", "payments", "-o", "yaml")).isZero();
        Path exported = write("exported.yaml", out.toString());
        assertThat(cli("apply", "-f", exported.toString())).isZero();
        assertThat(lines(out)).containsExactly("aclbinding/alice-reads (vcluster=payments) unchanged");
        assertThat(cli("get", "alias-topics")).isEqualTo(2);
        assertThat(err.toString()).contains("--vcluster");
        assertThat(cli("get", "alias-topic", "ghost", "--vcluster", "payments")).isEqualTo(1);
        assertThat(err.toString()).contains("no alias topic named ghost in virtual cluster payments");
    }

    @Test
    void applyReportsAnAliasWithoutItsVirtualClusterAndAPrefixThatWouldMixTenants() throws IOException {
        write("bad.yaml", """
                kind: AliasTopic
                metadata: {name: rates}
                spec: {physicalTopic: shared.fx-rates}
                ---
                kind: VirtualCluster
                metadata: {name: payments}
                spec: {}
                ---
                kind: VirtualCluster
                metadata: {name: pay}
                spec: {prefix: pay}
                """);

        assertThat(cli("apply", "-f", files.resolve("bad.yaml").toString())).isEqualTo(1);

        assertThat(lines(out)).containsExactly("virtualcluster/payments created");
        assertThat(err.toString()).contains("bad.yaml, document 1 (aliastopic/rates): metadata.scope: AliasTopic "
                + "resources belong to a virtual cluster").contains("bad.yaml, document 3 (virtualcluster/pay): spec.prefix: "
                + "the prefix 'pay' is the start of virtual cluster payments's prefix 'payments.'");
    }

    @Test
    void deleteVirtualClusterIsRefusedWhileItsAliasesOrAclsRemainAndDeleteAliasTopicAndAclDeleteThem()
            throws IOException {
        apply(TENANT);

        assertThat(cli("delete", "virtual-cluster", "payments")).isEqualTo(1);
        assertThat(err.toString()).contains("virtual cluster payments is still referred to by AclBinding "
                + "alice-reads, AliasTopic rates");
        assertThat(cli("delete", "alias-topic", "rates", "--vcluster", "payments")).isZero();
        assertThat(lines(out)).containsExactly("aliastopic/rates (vcluster=payments) deleted");
        assertThat(cli("delete", "acl", "alice-reads", "--vcluster", "payments")).isZero();
        assertThat(cli("delete", "virtual-cluster", "payments")).isZero();
        assertThat(lines(out)).containsExactly("virtualcluster/payments deleted");
        assertThat(gateway.store().snapshot()).isEmpty();
    }

    @Test
    void tokenPrintsOnlyATokenThatAuthenticatesTheAccountUntilRevokeTokens() throws Exception {
        apply(ACCOUNTS);

        assertThat(cli("token", "--service-account", "orders-app", "--lifetime", "2h")).as(err.toString()).isZero();

        String token = out.toString().strip();
        assertThat(lines(out)).hasSize(1);
        assertThat(err.toString()).contains("expires at");
        await().until(() -> authenticates(token));
        assertThat(cli("revoke-tokens", "orders-app")).isZero();
        assertThat(out.toString()).contains("serviceaccount/orders-app: tokens issued before");
        await().until(() -> !authenticates(token));
        assertThat(cli("token", "--service-account", "billing")).isEqualTo(1);
        assertThat(err.toString()).contains("service account billing is EXTERNAL");
        assertThat(cli("token", "--service-account", "orders-app", "--lifetime", "365d")).isEqualTo(1);
        assertThat(err.toString()).contains("lifetime: at most");
    }

    @Test
    void scramSetReadsThePasswordFromAnEnvironmentVariableOrStandardInputNeverFromAnArgument() throws Exception {
        apply(ACCOUNTS);
        environment.put("ORDERS_PASSWORD", "pa55-from-env");

        assertThat(cli("scram", "set", "orders-app", "--mechanism", "SCRAM-SHA-512", "--password-env",
                "ORDERS_PASSWORD")).as(err.toString()).isZero();
        assertThat(lines(out)).containsExactly("serviceaccount/orders-app: SCRAM-SHA-512 credentials set (8192 "
                + "iterations)");
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("pa55-from-stdin\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(cli("scram", "set", "orders-app", "--mechanism", "SCRAM-SHA-256", "--password-stdin",
                    "--iterations", "4096")).as(err.toString()).isZero();
        } finally {
            System.setIn(stdin);
        }

        await().until(() -> gateway.directory().scramCredential("orders-app", ScramMechanism.SCRAM_SHA_256)
                .isPresent());
        ScramCredential held = gateway.directory().scramCredential("orders-app", ScramMechanism.SCRAM_SHA_256)
                .orElseThrow();
        ScramFormatter formatter = new ScramFormatter(ScramMechanism.SCRAM_SHA_256);
        assertThat(formatter.serverKey(formatter.saltedPassword("pa55-from-stdin", held.salt(), 4096)))
                .isEqualTo(held.serverKey());
        assertThat(cli("get", "service-account", "orders-app")).isZero();
        assertThat(out.toString()).contains("SCRAM-SHA-256,SCRAM-SHA-512");
        assertThat(cli("scram", "set", "orders-app", "--mechanism", "SCRAM-SHA-512", "--password-env", "UNSET"))
                .isEqualTo(2);
        assertThat(cli("scram", "set", "orders-app", "--mechanism", "SCRAM-SHA-512")).isEqualTo(2);
        assertThat(cli("scram", "delete", "orders-app", "--mechanism", "SCRAM-SHA-256")).isZero();
        assertThat(cli("get", "service-account", "orders-app", "-o", "json")).isZero();
        assertThat(out.toString()).contains("SCRAM-SHA-512").doesNotContain("SCRAM-SHA-256")
                .doesNotContain("storedKey");
        assertThat(Files.readString(dataDir.resolve("admin-audit.log"))).doesNotContain("pa55-from");
    }

    private boolean authenticates(String token) {
        try {
            return gateway.directory().authenticatePlain("orders-app", token).serviceAccount().isPresent();
        } catch (AuthenticationFailedException e) {
            return false;
        }
    }

    @Test
    void theAdminCommandsAcceptTheVariablesRunAcceptsAndIgnoreNoneOfTheirOptions() {
        environment.put("STREAMGATE_DATA_DIR", dataDir.toString());
        environment.put("STREAMGATE_ADMIN_PORT", gateway.url().substring(gateway.url().lastIndexOf(':') + 1));
        environment.put("STREAMGATE_UPSTREAM_PROPERTIES_SECURITY_PROTOCOL", "SSL");

        assertThat(execute("get", "plugins")).isZero();
        assertThat(out.toString()).contains("test-tag");
    }

    @Test
    void everyAdminCommandsHelpDocumentsEveryOption() {
        for (List<String> command : List.of(List.of("apply"), List.of("get"), List.of("get", "interceptors"),
                List.of("get", "plugins"), List.of("get", "service-accounts"), List.of("get", "groups"),
                List.of("delete"), List.of("delete", "interceptor"), List.of("delete", "service-account"),
                List.of("delete", "group"), List.of("get", "virtual-clusters"), List.of("get", "alias-topics"),
                List.of("get", "acls"), List.of("delete", "virtual-cluster"), List.of("delete", "alias-topic"),
                List.of("delete", "acl"), List.of("resolve"), List.of("token"), List.of("scram"),
                List.of("scram", "set"), List.of("scram", "delete"), List.of("revoke-tokens"))) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            assertThat(execute(args.toArray(String[]::new))).as("%s", command).isZero();
            CommandLine commandLine = newCommandLine();
            for (String name : command) {
                commandLine = commandLine.getSubcommands().get(name);
            }
            for (OptionSpec option : commandLine.getCommandSpec().options()) {
                assertThat(out.toString()).as("help of %s", command).contains(option.longestName());
                assertThat(String.join(" ", option.description())).as("%s %s", command, option.longestName())
                        .isNotBlank();
            }
        }
        execute("--help");
        assertThat(out.toString()).contains("apply", "get", "delete", "resolve", "run", "token", "scram",
                "revoke-tokens");
    }

    private void apply(String yaml) throws IOException {
        Path file = Files.createTempFile(files, "apply", ".yaml");
        Files.writeString(file, yaml);
        assertThat(cli("apply", "-f", file.toString())).as(err.toString()).isZero();
        Files.delete(file);
    }

    private int cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--admin-url", gateway.url(), "--data-dir", dataDir.toString()));
        return execute(all.toArray(String[]::new));
    }

    private int cliWithoutDataDir(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--admin-url")) {
            all.addAll(List.of("--admin-url", gateway.url()));
        }
        return execute(all.toArray(String[]::new));
    }

    private int execute(String... args) {
        CommandLine commandLine = commandLine();
        return commandLine.execute(args);
    }

    private CommandLine commandLine() {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine commandLine = newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine;
    }

    private CommandLine newCommandLine() {
        return StreamgateCommand.commandLine(environment, config -> {
            throw new AssertionError("the gateway must not be started by an admin command");
        });
    }

    private Path write(String name, String content) throws IOException {
        Path file = files.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private static List<String> lines(StringWriter writer) {
        return writer.toString().lines().map(String::stripTrailing).toList();
    }
}
