package dev.storesapi.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JVM options docker-entrypoint.sh chooses from the container's CPU limit, for cgroup v1 and v2
 * (README "Memory and start-up settings"). A stand-in {@code java} prints the command line instead
 * of starting anything; CGROUP_ROOT points the script at a made-up cgroup directory.
 */
class EntrypointJvmOptionsTest {

    @TempDir
    Path dir;

    @Test
    void cgroupV2QuotaOfHalfACpuRunsC1Only() throws Exception {
        assertThat(javaCommandLine(Map.of("cpu.max", "50000 100000"), "web"))
                .contains("-XX:TieredStopAtLevel=1", "-XX:MaxMetaspaceSize=128m", "-XX:AOTCache=app.aot");
    }

    @Test
    void cgroupV2QuotaOfTwoCpusKeepsBothCompilers() throws Exception {
        assertThat(javaCommandLine(Map.of("cpu.max", "200000 100000"), "web")).doesNotContain("TieredStopAtLevel");
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

    @Test
    void javaOptsComeAfterTheChosenOptionsSoTheyWin() throws Exception {
        String line = javaCommandLine(Map.of("cpu.max", "10000 100000"), "web", "-XX:TieredStopAtLevel=4");
        assertThat(line.indexOf("-XX:TieredStopAtLevel=4")).isGreaterThan(line.indexOf("-XX:TieredStopAtLevel=1"));
    }

    @Test
    void aotTrainingWritesTheCacheWithBothCompilersAndNoMetaspaceCap() throws Exception {
        assertThat(javaCommandLine(Map.of("cpu.max", "10000 100000"), "aot-training"))
                .contains("-XX:AOTCacheOutput=app.aot").doesNotContain("TieredStopAtLevel", "MaxMetaspaceSize",
                        "-XX:AOTCache=");
    }

    private String javaCommandLine(Map<String, String> cgroupFiles, String mode) throws Exception {
        return javaCommandLine(cgroupFiles, mode, "");
    }

    private String javaCommandLine(Map<String, String> cgroupFiles, String mode, String javaOpts) throws Exception {
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
        ProcessBuilder builder = new ProcessBuilder("sh", "docker-entrypoint.sh", mode).redirectErrorStream(true);
        builder.environment().putAll(Map.of("CGROUP_ROOT", cgroup.toString(), "APP_HOME", appHome.toString(),
                "JAVA_HOME", javaHome.toString(), "JAVA_OPTS", javaOpts));
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
