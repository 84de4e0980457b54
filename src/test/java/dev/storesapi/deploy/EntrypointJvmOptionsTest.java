package dev.storesapi.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JVM options docker-entrypoint.sh chooses from the container's CPU limit, for cgroup v1 and v2
 * (docs/deploy.md "Memory and start-up settings"). A stand-in {@code java} prints the command line instead
 * of starting anything; CGROUP_ROOT points the script at a made-up cgroup directory.
 */
class EntrypointJvmOptionsTest {

    @TempDir
    Path dir;

    @Test
    void cgroupV2QuotaOfHalfACpuRunsC1Only() throws Exception {
        assertThat(javaCommandLine(Map.of("cpu.max", "50000 100000"), "web"))
                .contains("-XX:TieredStopAtLevel=1 -XX:-AOTReplayTraining", "-XX:MaxMetaspaceSize=128m",
                        "-XX:AOTCache=app.aot");
    }

    @Test
    void cgroupV2QuotaOfTwoCpusKeepsBothCompilers() throws Exception {
        assertThat(javaCommandLine(Map.of("cpu.max", "200000 100000"), "web"))
                .doesNotContain("TieredStopAtLevel", "AOTReplayTraining");
    }

    @Test
    void cgroupV2QuotaJustOverOneCpuCountsAsTwo() throws Exception {
        assertThat(javaCommandLine(Map.of("cpu.max", "100001 100000"), "worker")).doesNotContain("TieredStopAtLevel");
    }

    @Test
    void cgroupV1QuotaOfOneCpuRunsC1Only() throws Exception {
        assertThat(javaCommandLine(Map.of("cpu/cpu.cfs_quota_us", "100000", "cpu/cpu.cfs_period_us", "100000"), "worker"))
                .contains("-XX:TieredStopAtLevel=1");
    }

    @Test
    void withoutAQuotaCountsTheProcessorsItSees() throws Exception {
        String expected = Runtime.getRuntime().availableProcessors() <= 1 ? "-XX:TieredStopAtLevel=1" : "-XX:+UseSerialGC";
        assertThat(javaCommandLine(Map.of("cpu.max", "max 100000"), "web")).contains(expected);
        assertThat(javaCommandLine(Map.of("cpu/cpu.cfs_quota_us", "-1", "cpu/cpu.cfs_period_us", "100000"), "web"))
                .contains(expected);
    }

    /** Jakarta Mail reads it from system properties only; the application leaves it to the command line. */
    @Test
    void everyRoleNamesJakartaMailsStreamProviderSoNoBodyPartScansTheClassPath() throws Exception {
        for (String mode : List.of("web", "worker", "aot-training")) {
            assertThat(javaCommandLine(Map.of("cpu.max", "max 100000"), mode)).as(mode)
                    .contains("-Djakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    @Test
    void javaOptsComeAfterTheChosenOptionsSoTheyWin() throws Exception {
        String line = javaCommandLine(Map.of("cpu.max", "10000 100000"), "web", "-XX:TieredStopAtLevel=4");
        assertThat(line.indexOf("-XX:TieredStopAtLevel=4")).isGreaterThan(line.indexOf("-XX:TieredStopAtLevel=1"));
    }

    /**
     * The training run starts as the web service does (docs/deploy.md "AOT cache"), with two exceptions:
     * no metaspace cap, which the run that makes the cache needs and the cache does not depend on; and
     * both compilers, because a cache trained with C1 alone keeps a JVM with C2 at C1.
     */
    @Test
    void aotTrainingWritesTheCacheWithTheWebServicesOptionsAndBothCompilers() throws Exception {
        String training = javaCommandLine(Map.of("cpu.max", "100000 100000"), "aot-training");
        String web = commandLineFor(RENDER_WEB, "web");
        assertThat(training).contains("-XX:AOTCacheOutput=app.aot", "-Dspring.aot.enabled=true")
                .doesNotContain("-XX:AOTCache=", "TieredStopAtLevel", "AOTReplayTraining", "MaxMetaspaceSize");
        assertThat(training.replace("-XX:AOTCacheOutput=app.aot", "").replace("aot-training", ""))
                .isEqualTo(web.replace("-XX:AOTCache=app.aot", "").replace("-XX:MaxMetaspaceSize=128m ", "")
                        .replace(" -XX:TieredStopAtLevel=1 -XX:-AOTReplayTraining", "").replace("web", ""));
    }

    private static final Map<String, String> RENDER_WEB = Map.of("SPRING_PROFILES_ACTIVE", "prod",
            "REDIS_URL", "redis://red-example:6379", "DATABASE_URL", "postgres://u:p@db/stores");

    /** One set of bean definitions fits them all: what depends on the environment is decided at run time. */
    @Test
    void theWebRoleStartsFromTheBeanDefinitionsGeneratedAtBuildTimeInEveryConfiguration() throws Exception {
        assertThat(commandLineFor(RENDER_WEB, "web")).contains("-Dspring.aot.enabled=true");
        assertThat(commandLineFor(with("EMAIL_WORKER_ENABLED", "true"), "web")).as("the free route: it sends its own email")
                .contains("-Dspring.aot.enabled=true");
        assertThat(commandLineFor(Map.of(), "web")).as("no Redis: in-process email").contains("-Dspring.aot.enabled=true");
        assertThat(commandLineFor(with("MAIL_HOST", "smtp.example.com"), "web")).contains("-Dspring.aot.enabled=true");
        assertThat(commandLineFor(with("SPRING_JPA_SHOW_SQL", "true"), "web")).contains("-Dspring.aot.enabled=true");
        assertThat(commandLineFor(RENDER_WEB, "web", "--debug")).contains("-Dspring.aot.enabled=true");
    }

    @Test
    void springAotOffOptsOutAndTheRolesWithoutAWebServerStartWithoutIt() throws Exception {
        assertThat(commandLineFor(with("SPRING_AOT", "off"), "web")).doesNotContain("spring.aot");
        assertThat(commandLineFor(RENDER_WEB, "worker")).doesNotContain("spring.aot");
        assertThat(commandLineFor(RENDER_WEB, "migrate")).doesNotContain("spring.aot");
    }

    private static Map<String, String> with(String name, String value) {
        Map<String, String> environment = new java.util.HashMap<>(RENDER_WEB);
        environment.put(name, value);
        return environment;
    }

    private String javaCommandLine(Map<String, String> cgroupFiles, String mode) throws Exception {
        return javaCommandLine(cgroupFiles, Map.of(), mode);
    }

    private String javaCommandLine(Map<String, String> cgroupFiles, String mode, String javaOpts) throws Exception {
        return javaCommandLine(cgroupFiles, Map.of("JAVA_OPTS", javaOpts), mode);
    }

    /** With one CPU and the given environment. */
    private String commandLineFor(Map<String, String> environment, String mode, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("sh", "docker-entrypoint.sh", mode));
        command.addAll(List.of(arguments));
        return run(Map.of("cpu.max", "100000 100000"), environment, command);
    }

    private String javaCommandLine(Map<String, String> cgroupFiles, Map<String, String> environment, String mode)
            throws Exception {
        return run(cgroupFiles, environment, List.of("sh", "docker-entrypoint.sh", mode));
    }

    private String run(Map<String, String> cgroupFiles, Map<String, String> environment, List<String> command)
            throws Exception {
        Path cgroup = Files.createTempDirectory(dir, "cgroup");
        for (var file : cgroupFiles.entrySet()) {
            Path path = cgroup.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue() + "\n");
        }
        Path appHome = Files.createDirectories(dir.resolve("app"));
        Files.writeString(appHome.resolve("app.aot"), "not a real cache");
        Path javaHome = Files.createDirectories(dir.resolve("jdk/bin")).getParent();
        standInJava(javaHome.resolve("bin/java"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Only what the test sets: this machine's own SPRING_* variables must not decide the outcome.
        builder.environment().keySet().retainAll(List.of("PATH", "HOME"));
        builder.environment().putAll(Map.of("CGROUP_ROOT", cgroup.toString(), "APP_HOME", appHome.toString(),
                "JAVA_HOME", javaHome.toString()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static void standInJava(Path java) throws IOException {
        Files.writeString(java, "#!/bin/sh\necho \"java $*\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
