package com.tixtrack.sms.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;

/**
 * The service as its users run it: the packaged jar (extracted, as the Dockerfile runs it) in its own JVM on the
 * embedded default, started on a data directory, measured from outside (time to ready, RSS and CPU from /proc,
 * heap and JIT time from its metrics endpoint), stopped gracefully or killed with SIGKILL.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern VALUE = Pattern.compile("\"value\":([0-9.E+-]+)");

    private final Process process;
    private final int port;
    private final long startedNanos;
    private double readySeconds = Double.NaN;

    private ServiceProcess(Process process, int port, long startedNanos) {
        this.process = process;
        this.port = port;
        this.startedNanos = startedNanos;
    }

    /** Starts the service with these environment settings and waits until /health/ready answers 200. */
    public static ServiceProcess start(Path dataDir, int port, Map<String, String> env, List<String> jvmArgs,
                                       Path log) throws Exception {
        Path app = extractedJar();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-Duser.timezone=UTC");
        command.add("-jar");
        command.add(app.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("SMS_DATA_DIR", dataDir.toString());
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("SMS_ROUTES_RELOAD", "false");
        builder.environment().putAll(env);
        Files.createDirectories(dataDir);
        long started = System.nanoTime();
        ServiceProcess service = new ServiceProcess(builder.start(), port, started);
        // never leave a service behind (it would hold the data directory and ports of the next run)
        Runtime.getRuntime().addShutdownHook(new Thread(service.process::destroyForcibly));
        try {
            service.awaitReady(Duration.ofSeconds(120));
        } catch (Exception e) {
            service.process.destroyForcibly();
            throw e;
        }
        return service;
    }

    private void awaitReady(Duration timeout) {
        Awaitility.await("the service ready").atMost(timeout).pollInterval(Duration.ofMillis(50)).until(this::ready);
        readySeconds = (System.nanoTime() - startedNanos) / 1e9;
    }

    private boolean ready() throws InterruptedException {
        if (!process.isAlive()) {
            throw new IllegalStateException("the service exited with " + process.exitValue() + " before it was ready");
        }
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url("/health/ready"))).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    /** target/bench/app: the packaged jar extracted once (java -Djarmode=tools extract), for a realistic start. */
    static synchronized Path extractedJar() throws Exception {
        Path target = Path.of("target");
        Path extracted = target.resolve("bench/app");
        File[] jars = target.toFile().listFiles((dir, name) -> name.endsWith(".jar") && !name.endsWith("-plain.jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("no packaged jar under target/: run through Maven (package comes first)");
        }
        Path jar = jars[0].toPath();
        Path app = extracted.resolve(jar.getFileName());
        if (!Files.exists(app) || Files.getLastModifiedTime(app).compareTo(Files.getLastModifiedTime(jar)) < 0) {
            Process extract = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force", "--destination", extracted.toString())
                    .inheritIO().start();
            if (extract.waitFor() != 0) {
                throw new IllegalStateException("could not extract " + jar);
            }
        }
        return app;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public double readySeconds() {
        return readySeconds;
    }

    public long pid() {
        return process.pid();
    }

    /** Resident set size now and at its peak (VmHWM), in MB. */
    public double[] rssMb() throws IOException {
        double rss = 0;
        double peak = 0;
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = kb(line) / 1024.0;
            } else if (line.startsWith("VmHWM:")) {
                peak = kb(line) / 1024.0;
            }
        }
        return new double[] {rss, peak};
    }

    private static long kb(String line) {
        return Long.parseLong(line.replaceAll("\\D", ""));
    }

    /** CPU time used by the service process so far (user + system), in seconds. */
    public double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // utime + stime, USER_HZ = 100
    }

    /** Heap in use now (all heap pools), in MB, from the service's own metrics. */
    public double heapUsedMb() throws Exception {
        return metric("jvm.memory.used?tag=area:heap") / (1024 * 1024);
    }

    /** Time the service's JIT compilers have spent so far, in seconds, from its own metrics. */
    public double compilationSeconds() throws Exception {
        return metric("jvm.compilation.time") / 1000;
    }

    /** One value of the service's actuator metrics endpoint, NaN when it has none. */
    private double metric(String nameAndTags) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(url("/actuator/metrics/" + nameAndTags))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = VALUE.matcher(body);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
    }

    /** SIGKILL: no shutdown hook, no graceful drain, like a crashed host. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
