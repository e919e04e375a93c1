package com.tixtrack.sms.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The JVM options the image ships (the Dockerfile's JAVA_TOOL_OPTIONS), read by real JVMs sized like replicas. The
 * collector is left to the JVM on purpose: at the default replica (terraform: 0.5 vCPU and 1 GiB, one processor to
 * the JVM) it runs Serial, faster there than G1 (README: benchmark); from two processors and about 1.8 GB, G1 with
 * the 20 ms pause goal. Both commit the whole heap at start, as the benchmark runs the service. A collector forced
 * in the Dockerfile, or a JDK that chooses differently, fails here (.ci/run runs this on Java 25 as well, the
 * image's runtime).
 */
class ContainerJvmOptionsTest {

    private static final Pattern TOOL_OPTIONS = Pattern.compile("JAVA_TOOL_OPTIONS=\"([^\"]*)\"");

    @Test
    void theDefaultReplicaRunsSerialWithThreeQuartersOfItsMemory() throws Exception {
        String flags = jvmFlags(imageToolOptions(), "-XX:ActiveProcessorCount=1", "-XX:MaxRAM=1g");

        assertThat(flag(flags, "UseSerialGC")).isEqualTo("true");
        assertThat(flag(flags, "UseG1GC")).isEqualTo("false");
        assertThat(Long.parseLong(flag(flags, "MaxHeapSize"))).isEqualTo(1024L * 1024 * 1024 * 3 / 4);
        assertThat(flag(flags, "InitialHeapSize")).isEqualTo(flag(flags, "MaxHeapSize"));
    }

    @Test
    void aLargerReplicaRunsG1WithItsPauseGoal() throws Exception {
        String flags = jvmFlags(imageToolOptions(), "-XX:ActiveProcessorCount=2", "-XX:MaxRAM=4g");

        assertThat(flag(flags, "UseG1GC")).isEqualTo("true");
        assertThat(flag(flags, "MaxGCPauseMillis")).isEqualTo("20");
        assertThat(Long.parseLong(flag(flags, "MaxHeapSize"))).isEqualTo(4L * 1024 * 1024 * 1024 * 3 / 4);
        assertThat(flag(flags, "InitialHeapSize")).as("the whole heap from the start, as the benchmark runs it")
                .isEqualTo(flag(flags, "MaxHeapSize"));
    }

    private static String imageToolOptions() throws Exception {
        Matcher options = TOOL_OPTIONS.matcher(Files.readString(Path.of("Dockerfile")));
        assertThat(options.find()).as("ENV JAVA_TOOL_OPTIONS in the Dockerfile").isTrue();
        return options.group(1);
    }

    /** The final flag values of a JVM started as the image starts it: options from JAVA_TOOL_OPTIONS. */
    private static String jvmFlags(String toolOptions, String... machine) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(List.of(machine));
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_TOOL_OPTIONS", toolOptions);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static String flag(String flags, String name) {
        Matcher value = Pattern.compile("\\s" + name + "\\s+(?::)?=\\s+(\\S+)").matcher(flags);
        assertThat(value.find()).as(name).isTrue();
        return value.group(1);
    }
}
