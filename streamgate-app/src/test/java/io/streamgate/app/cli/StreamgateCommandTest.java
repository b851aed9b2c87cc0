package io.streamgate.app.cli;

import io.streamgate.app.config.ConfigKey;
import io.streamgate.app.config.ConfigSchema;
import io.streamgate.app.config.StreamgateConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class StreamgateCommandTest {

    private final Map<String, String> environment = new HashMap<>();
    private final AtomicReference<StreamgateConfig> launched = new AtomicReference<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private int applicationExitCode;

    @Test
    void helpOfEveryCommandListsEveryOptionAndEveryEnvironmentVariableWithThePrecedence() {
        for (List<String> args : List.of(List.of("--help"), List.of("run", "--help"))) {
            out.getBuffer().setLength(0);

            assertThat(execute(args.toArray(String[]::new))).isZero();

            String help = out.toString();
            CommandLine command = args.size() == 1 ? commandLine() : commandLine().getSubcommands().get("run");
            for (OptionSpec option : command.getCommandSpec().options()) {
                assertThat(help).as("help of %s", args).contains(option.longestName());
            }
            for (ConfigKey key : ConfigSchema.streamgate().keys()) {
                assertThat(help).contains(key.environmentVariable());
                assertThat(help).contains(key.isOpenMap() ? key.name() + ".<name>" : key.name());
            }
            assertThat(help)
                    .contains("precedence flag > env > file > default")
                    .contains("STREAMGATE_UPSTREAM_PROPERTIES_<NAME>")
                    .contains("STREAMGATE_CONFIG")
                    .contains("STREAMGATE_JAVA_OPTS")
                    .contains("${VAR}")
                    .doesNotContain("null");
        }
    }

    @Test
    void everyConfigurationOptionDocumentsItsEnvironmentVariableAndYamlKey() {
        CommandLine run = commandLine().getSubcommands().get("run");
        RunOptions.KEYS.forEach((optionName, keyName) -> {
            ConfigKey key = ConfigSchema.streamgate().key(keyName).orElseThrow();
            String description = String.join(" ", run.getCommandSpec().findOption(optionName).description());
            String variable = key.isOpenMap() ? key.environmentVariable() + "_<NAME>" : key.environmentVariable();

            assertThat(description).as(optionName).contains("Env: " + variable + ".").contains("YAML: " + keyName + ".");
        });
        assertThat(run.getCommandSpec().options()).extracting(OptionSpec::longestName)
                .containsAll(RunOptions.KEYS.keySet())
                .contains("--config", "--help", "--version");
    }

    @Test
    void versionNamesStreamgateKafkaAndJava() {
        assertThat(execute("--version")).isZero();

        assertThat(out.toString())
                .contains("streamgate 0.1.0")
                .contains("Kafka 4.")
                .contains("Java " + System.getProperty("java.version"));
    }

    @Test
    void runsWithoutACommand() {
        assertThat(execute("--port", "7001")).isZero();

        assertThat(launched.get().port()).isEqualTo(7001);
    }

    @Test
    void runTakesEveryOptionBeforeOrAfterTheCommandName() {
        assertThat(execute("--admin-port", "9001", "run", "--port", "7002", "--upstream", "kafka1:9092,kafka2:9092",
                "--upstream-property", "security.protocol=SSL", "--upstream-property", "request.timeout.ms=5000",
                "--data-dir", "/var/lib/streamgate", "--bind", "10.0.0.5", "--advertised-host", "gw.example.com"))
                .isZero();

        StreamgateConfig config = launched.get();
        assertThat(config.port()).isEqualTo(7002);
        assertThat(config.adminPort()).isEqualTo(9001);
        assertThat(config.upstream().bootstrapServerList()).containsExactly("kafka1:9092", "kafka2:9092");
        assertThat(config.upstream().properties())
                .containsOnly(entry("security.protocol", "SSL"), entry("request.timeout.ms", "5000"));
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/streamgate"));
        assertThat(config.bind()).isEqualTo("10.0.0.5");
        assertThat(config.advertisedHost()).isEqualTo("gw.example.com");
    }

    @Test
    void anOptionOverridesTheEnvironment() {
        environment.put("STREAMGATE_PORT", "7100");
        environment.put("STREAMGATE_UPSTREAM_PROPERTIES_SECURITY_PROTOCOL", "SASL_SSL");

        assertThat(execute("run", "--port", "7200", "--upstream-property", "security.protocol=SSL")).isZero();

        assertThat(launched.get().port()).isEqualTo(7200);
        assertThat(launched.get().upstream().properties()).containsOnly(entry("security.protocol", "SSL"));
    }

    @Test
    void aConfigurationErrorExitsWithCode2AndNamesTheProblemWithoutStarting() {
        environment.put("STREAMGATE_PORT", "abc");

        assertThat(execute()).isEqualTo(2);

        assertThat(err.toString()).isEqualTo("streamgate: configuration error: port: expected an integer 1..65535,"
                + " got 'abc' (from environment variable STREAMGATE_PORT)" + System.lineSeparator());
        assertThat(launched.get()).isNull();
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithCode2() {
        assertThat(execute("run", "--admin-prot=9000")).isEqualTo(2);

        assertThat(err.toString()).startsWith("streamgate: Unknown option: '--admin-prot=9000'")
                .contains("Possible solutions: --admin-port")
                .endsWith("Try 'streamgate run --help' for more information." + System.lineSeparator());
        assertThat(launched.get()).isNull();
    }

    @Test
    void theApplicationsExitCodeIsTheCommandsExitCode() {
        applicationExitCode = 1;

        assertThat(execute("run")).isEqualTo(1);
    }

    private int execute(String... args) {
        return commandLine().execute(args);
    }

    private CommandLine commandLine() {
        CommandLine commandLine = StreamgateCommand.commandLine(environment, config -> {
            launched.set(config);
            return applicationExitCode;
        });
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine;
    }
}
