package com.tixtrack.sms.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The benchmark (./mvnw -Pbench verify; not part of the normal build). Runs the packaged service in its own JVM on
 * its embedded default (durable Artemis journal, H2 file database, transactions on), publishes events over the
 * broker's TCP acceptor, simulates Twilio at 0 ms and 100 ms, and runs the same work as a plain Java loop for the
 * baseline. Writes target/bench/summary.json and target/bench/summary.md (the README table).
 * Settings: -Dbench.events (20000), -Dbench.concurrency (12), -Dbench.scaling (8,16,32,64), -Dbench.heap (384m),
 * -Dbench.parts (service,cds,scaling,baseline: a quicker run measures only some, for comparing two builds;
 * sustained is the service's 0 ms backlog alone; the baseline runs only beside the service, in alternating
 * rounds), -Dbench.warmup.settled (0.1), -Dbench.warmup.max (40000).
 */
class BenchmarkIT {

    private static final Logger LOG = LoggerFactory.getLogger(BenchmarkIT.class);

    private final int events = Integer.getInteger("bench.events", 20_000);
    private final int concurrency = Integer.getInteger("bench.concurrency", 12);
    private final int[] scaling = Arrays.stream(System.getProperty("bench.scaling", "8,16,32,64").split(","))
            .filter(s -> !s.isBlank()).mapToInt(Integer::parseInt).toArray();
    private final String heap = System.getProperty("bench.heap", "384m");
    private final List<String> parts = List.of(System.getProperty("bench.parts", "service,cds,scaling,baseline").split(","));
    static final int WARM_UP_BATCH = 2000;
    static final int WARM_UP_MAX = Integer.getInteger("bench.warmup.max", 40_000);
    static final double WARM_UP_SETTLED = Double.parseDouble(System.getProperty("bench.warmup.settled", "0.1"));
    /** Quiet batches in a row before the JIT counts as settled. */
    static final int WARM_UP_QUIET = 2;
    static final int ROUNDS = 5;
    private final Path out = Path.of("target/bench");
    private final List<Double> zeroMsRatios = new ArrayList<>();
    private final Map<String, Object> summary = new LinkedHashMap<>();
    private int nextPhone;

    @Test
    void benchmark() throws Exception {
        Files.createDirectories(out);
        summary.put("machine", Map.of("cpus", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version"), "serviceHeapMax", heap,
                // the baseline's H2 runs in this JVM; with assertions on it is several times slower (see the pom)
                "harnessAssertions", org.h2.mvstore.MVStore.class.desiredAssertionStatus()));
        summary.put("events", events);
        summary.put("concurrency", concurrency);
        try (TwilioStub twilio = new TwilioStub(false)) {
            if (parts.contains("service") || parts.contains("sustained")) {
                sustainedRuns(twilio, parts.contains("service"), parts.contains("baseline"));
            }
            if (parts.contains("cds")) {
                startupWithClassDataArchive(twilio);
            }
            if (parts.contains("scaling")) {
                scalingRuns(twilio);
            }
        }
        if (summary.containsKey("service0ms") && summary.containsKey("baseline0ms")) {
            Map<String, Object> ratios = new LinkedHashMap<>();
            ratios.put("zeroMs", median(zeroMsRatios));
            ratios.put("zeroMsRounds", zeroMsRatios);
            ratios.put("hundredMs", ratio("service100ms", "baseline100ms"));
            summary.put("serviceOverBaseline", ratios);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("summary.json").toFile(), summary);
        Files.writeString(out.resolve("summary.md"), table());
        LOG.info("Benchmark summary: {}\n{}", out.resolve("summary.json").toAbsolutePath(), table());
    }

    /**
     * The service and the baseline, each warmed up until its JIT has settled, then {@value #ROUNDS} alternating
     * rounds of a backlog each: the machine's speed drifts (by up to a factor of two within a minute), so the
     * ratio is the median of the rounds' ratios, each taken from two runs close in time.
     */
    private void sustainedRuns(TwilioStub twilio, boolean all, boolean withBaseline) throws Exception {
        Path baselineDir = out.resolve("baseline");
        deleteTree(baselineDir);
        try (Service service = Service.start(out.resolve("service"), concurrency, twilio, heap);
             Baseline baseline = withBaseline ? new Baseline(baselineDir, twilio.baseUrl(), concurrency) : null) {
            summary.put("startup", service.startup());
            twilio.latencyMs(0);
            summary.put("service0msWarmUp", warmUp(() -> service.backlog(seed(service.data, WARM_UP_BATCH), 0),
                    service.process::compilationSeconds));
            if (baseline != null) {
                CompilationMXBean jit = ManagementFactory.getCompilationMXBean(); // the baseline runs in this JVM
                summary.put("baseline0msWarmUp", warmUp(() -> timed(baseline, seed(baseline.data(), WARM_UP_BATCH)),
                        () -> jit.getTotalCompilationTime() / 1000.0));
            }
            // sustained: backlogs drained as fast as the service can, alternating with the baseline's
            List<Map<String, Object>> serviceRounds = new ArrayList<>();
            List<Map<String, Object>> baselineRounds = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                serviceRounds.add(service.backlog(seed(service.data, events / ROUNDS), 0));
                if (baseline != null) {
                    baselineRounds.add(timed(baseline, seed(baseline.data(), events / ROUNDS)));
                    zeroMsRatios.add(round(rate(serviceRounds.get(round)) / rate(baselineRounds.get(round)), 2));
                }
            }
            summary.put("service0ms", combined(serviceRounds));
            if (baseline != null) {
                summary.put("baseline0ms", combined(baselineRounds));
            }
            if (!all) {
                return;
            }
            // own overhead: a steady stream at half the sustained rate, latency minus provider time
            double half = rate((Map<?, ?>) summary.get("service0ms")) / 2;
            summary.put("service0msHalfRate", service.paced(seed(service.data, Math.min(events / 2, (int) (half * 20))), half, 0));
            twilio.latencyMs(100);
            int slowEvents = concurrency * 10 * 30;
            Map<String, Object> hundred = service.backlog(seed(service.data, slowEvents), 100);
            summary.put("service100ms", hundred);
            double halfSlow = rate(hundred) / 2;
            summary.put("service100msHalfRate", service.paced(seed(service.data, (int) (halfSlow * 20)), halfSlow, 100));
            summary.put("memory", service.memory());
            if (baseline != null) {
                summary.put("baseline100ms", timed(baseline, seed(baseline.data(), slowEvents)));
            }
        }
    }

    /** The baseline's run of these events: events, seconds, events/s. */
    private Map<String, Object> timed(Baseline baseline, List<BenchData.Event> batch) throws Exception {
        double seconds = baseline.run(batch, concurrency);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("events", batch.size());
        run.put("seconds", round(seconds, 2));
        run.put("eventsPerSecond", round(batch.size() / seconds, 1));
        return run;
    }

    /** Rounds of one kind as one run: all their events over all their time, and each round's rate. */
    private static Map<String, Object> combined(List<Map<String, Object>> rounds) {
        int total = 0;
        double seconds = 0;
        double cpu = 0;
        for (Map<String, Object> round : rounds) {
            total += ((Number) round.get("events")).intValue();
            seconds += ((Number) round.get("seconds")).doubleValue();
            Object perThousand = round.get("cpuSecondsPer1000");
            cpu += perThousand == null ? 0 : ((Number) perThousand).doubleValue() * ((Number) round.get("events")).intValue() / 1000;
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("events", total);
        run.put("seconds", round(seconds, 2));
        run.put("eventsPerSecond", round(total / seconds, 1));
        if (cpu > 0) {
            run.put("cpuSecondsPer1000", round(cpu / total * 1000, 2));
        }
        run.put("roundsEventsPerSecond", rounds.stream().map(r -> r.get("eventsPerSecond")).toList());
        return run;
    }

    private static double rate(Map<?, ?> run) {
        return ((Number) run.get("eventsPerSecond")).doubleValue();
    }

    /**
     * Start-up to ready with an archive of the service's classes (README: start-up), twice after training, made as
     * the image makes it: on Java 25 and later an AOT cache (JEP 483, 514 and 515: classes loaded and linked, and
     * method profiles), on earlier JDKs an AppCDS archive. The training run starts the service fully (context,
     * broker, database, routes) and stops it once ready; the JVM writes the archive as it exits.
     */
    private void startupWithClassDataArchive(TwilioStub twilio) throws Exception {
        Path dir = out.resolve("cds");
        deleteTree(dir);
        Files.createDirectories(dir);
        // the service runs on this JVM's java.home (ServiceProcess)
        boolean aotCache = Runtime.version().feature() >= 25;
        Path archive = dir.resolve(aotCache ? "app.aot" : "app.jsa");
        String write = aotCache ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=";
        String use = aotCache ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";
        try (Service training = Service.start(dir.resolve("training"), concurrency, twilio, heap,
                List.of(write + archive.toAbsolutePath()))) {
            LOG.info("Archive training run ready in {} s", training.startup().get("readySeconds"));
        }
        if (!Files.exists(archive)) {
            throw new IllegalStateException("the training run wrote no archive; see " + dir);
        }
        List<Object> ready = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            try (Service service = Service.start(dir.resolve("run-" + i), concurrency, twilio, heap,
                    List.of(use + archive.toAbsolutePath()))) {
                ready.add(service.startup().get("readySeconds"));
            }
        }
        summary.put("startupWithClassDataArchive", Map.of("readySeconds", ready,
                "archive", aotCache ? "AOT cache" : "AppCDS archive", "archiveMb", round(Files.size(archive) / 1e6, 1)));
    }

    private void scalingRuns(TwilioStub twilio) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int consumers : scaling) {
            try (Service service = Service.start(out.resolve("scaling-" + consumers), consumers, twilio, heap)) {
                twilio.latencyMs(0);
                Map<String, Object> warm = warmUp(() -> service.backlog(seed(service.data, WARM_UP_BATCH), 0),
                        service.process::compilationSeconds);
                twilio.latencyMs(100);
                Map<String, Object> run = service.backlog(seed(service.data, consumers * 10 * 10), 100);
                run.put("warmUpEvents", warm.get("events"));
                double ideal = consumers * 1000.0 / 100;
                run.put("consumers", consumers);
                run.put("ideal", ideal);
                run.put("ofIdeal", round(((Number) run.get("eventsPerSecond")).doubleValue() / ideal, 2));
                rows.add(run);
            }
        }
        summary.put("scaling100ms", rows);
    }

    /** One warm-up batch of {@value #WARM_UP_BATCH} events at 0 ms; its run figures ("seconds" at least). */
    interface Batch {
        Map<String, Object> run() throws Exception;
    }

    /** Seconds the measured JVM's JIT compilers have spent so far. */
    interface JitClock {
        double seconds() throws Exception;
    }

    /**
     * Batches of {@value #WARM_UP_BATCH} events until the JIT has settled, so a rate measures the flow, not the
     * compiler: after a start, C2 compiles for tens of thousands of events on this machine, at times on both cores.
     * Settled is {@value #WARM_UP_QUIET} batches in a row in which compiling took less than a tenth of their time
     * (-Dbench.warmup.settled), or -Dbench.warmup.max events: after one quiet batch C2 was at times busy again, and
     * the next two rounds cost half as much CPU again per event (docs/benchmark-rounds.md, sixteenth round). The
     * same rule warms the service and the baseline.
     */
    static Map<String, Object> warmUp(Batch batch, JitClock jit) throws Exception {
        int events = 0;
        double seconds = 0;
        double compiling = 0;
        int quietInARow = 0;
        boolean settled = false;
        while (!settled && events < WARM_UP_MAX) {
            double compiledBefore = jit.seconds();
            double batchSeconds = ((Number) batch.run().get("seconds")).doubleValue();
            double batchCompiling = jit.seconds() - compiledBefore;
            quietInARow = batchCompiling < WARM_UP_SETTLED * batchSeconds ? quietInARow + 1 : 0;
            settled = quietInARow >= WARM_UP_QUIET;
            events += WARM_UP_BATCH;
            seconds += batchSeconds;
            compiling += batchCompiling;
            LOG.info("Warm-up: {} events, JIT {} s in the batch's {} s", events, round(batchCompiling, 1), batchSeconds);
        }
        Map<String, Object> warmUp = new LinkedHashMap<>();
        warmUp.put("events", events);
        warmUp.put("seconds", round(seconds, 1));
        warmUp.put("eventsPerSecond", round(events / seconds, 1));
        warmUp.put("jitSeconds", round(compiling, 1));
        warmUp.put("settled", settled);
        return warmUp;
    }

    private List<BenchData.Event> seed(BenchData data, int count) throws Exception {
        List<BenchData.Event> seeded = data.seed(nextPhone, count);
        nextPhone += count;
        return seeded;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : round((sorted.get(middle - 1) + sorted.get(middle)) / 2, 2);
    }

    /** Service / baseline events/s, or null where this run measured only one of them (-Dbench.parts). */
    private Object ratio(String service, String baseline) {
        if (!(summary.get(service) instanceof Map<?, ?>) || !(summary.get(baseline) instanceof Map<?, ?>)) {
            return null;
        }
        double s = ((Number) ((Map<?, ?>) summary.get(service)).get("eventsPerSecond")).doubleValue();
        double b = ((Number) ((Map<?, ?>) summary.get(baseline)).get("eventsPerSecond")).doubleValue();
        return round(s / b, 2);
    }

    private String table() {
        StringBuilder md = new StringBuilder();
        md.append("| figure | 0 ms provider | 100 ms provider | target |\n|---|---|---|---|\n");
        md.append(row("sustained events/s (service; " + ROUNDS + " rounds alternating with the baseline)",
                figure("service0ms", "eventsPerSecond"),
                figure("service100ms", "eventsPerSecond"), ">= 1000 (0 ms); >= 80% of " + concurrency * 10 + " (100 ms)"));
        md.append(row("baseline events/s (plain Java loop)", figure("baseline0ms", "eventsPerSecond"),
                figure("baseline100ms", "eventsPerSecond"), ""));
        md.append(row("warm-up until the JIT settled: events / events/s / JIT s (service; baseline)",
                figure("service0msWarmUp", "events") + " / " + figure("service0msWarmUp", "eventsPerSecond") + " / "
                        + figure("service0msWarmUp", "jitSeconds") + "; " + figure("baseline0msWarmUp", "events") + " / "
                        + figure("baseline0msWarmUp", "eventsPerSecond") + " / " + figure("baseline0msWarmUp", "jitSeconds"),
                "", ""));
        md.append(row("service / baseline (0 ms: median of the rounds' ratios " + figure("serviceOverBaseline", "zeroMsRounds")
                + ")", figure("serviceOverBaseline", "zeroMs"),
                figure("serviceOverBaseline", "hundredMs"), ">= 0.6"));
        md.append(row("latency p50 / p95 / p99 ms, at half rate", figure("service0msHalfRate", "latencyMs"),
                figure("service100msHalfRate", "latencyMs"), ""));
        md.append(row("own overhead p50 / p95 / p99 ms, at half rate", figure("service0msHalfRate", "overheadMs"),
                figure("service100msHalfRate", "overheadMs"), "p99 <= 20"));
        md.append(row("CPU seconds per 1,000 events", figure("service0ms", "cpuSecondsPer1000"),
                figure("service100ms", "cpuSecondsPer1000"), ""));
        md.append(row("peak heap MB / peak RSS MB", figure("memory", "peakHeapMb") + " / " + figure("memory", "peakRssMb"),
                "", "heap <= 384"));
        md.append(row("start-up to ready s / idle heap MB / idle RSS MB", figure("startup", "readySeconds") + " / "
                + figure("startup", "idleHeapMb") + " / " + figure("startup", "idleRssMb"), "", "< 5 s"));
        md.append(row("start-up to ready s with the image's archive (two starts)", figure("startupWithClassDataArchive",
                "readySeconds") + " (" + figure("startupWithClassDataArchive", "archiveMb") + " MB "
                + figure("startupWithClassDataArchive", "archive") + ")", "", "< 5 s"));
        md.append("\n| consumers | warm-up events | events/s at 100 ms | ideal | of ideal |\n|---|---|---|---|---|\n");
        for (Object each : (List<?>) summary.getOrDefault("scaling100ms", List.of())) {
            Map<?, ?> run = (Map<?, ?>) each;
            md.append("| ").append(run.get("consumers")).append(" | ").append(run.get("warmUpEvents")).append(" | ")
                    .append(run.get("eventsPerSecond")).append(" | ")
                    .append(run.get("ideal")).append(" | ").append(run.get("ofIdeal")).append(" |\n");
        }
        return md.toString();
    }

    /** One figure of the summary, or "-" when this run did not measure it (-Dbench.parts). */
    private Object figure(String section, String key) {
        Object value = summary.get(section) instanceof Map<?, ?> map ? map.get(key) : null;
        return value == null ? "-" : value;
    }

    private static String row(String name, Object a, Object b, String target) {
        return "| " + name + " | " + a + " | " + b + " | " + target + " |\n";
    }

    static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }

    static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** One service process with its publisher, database view and samplers. */
    static final class Service implements AutoCloseable {

        final ServiceProcess process;
        final BenchData data;
        final EventPublisher publisher;
        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        private final AtomicReference<Double> peakHeap = new AtomicReference<>(0.0);
        private final Map<String, Object> startup = new LinkedHashMap<>();

        private TwilioStub twilio;
        private long acceptedBefore;

        private Service(ServiceProcess process, BenchData data, EventPublisher publisher) {
            this.process = process;
            this.data = data;
            this.publisher = publisher;
        }

        static Service start(Path dataDir, int consumers, TwilioStub twilio, String heap) throws Exception {
            return start(dataDir, consumers, twilio, heap, List.of());
        }

        static Map<String, String> environment(Path dataDir, int consumers, TwilioStub twilio, int brokerPort) {
            Map<String, String> env = new LinkedHashMap<>();
            if (brokerPort > 0) {
                env.put("SMS_BROKER_TCP_PORT", String.valueOf(brokerPort));
            }
            env.put("SMS_EVENTS_CONCURRENCY", String.valueOf(consumers));
            env.put("SMS_DB_URL", BenchData.embeddedUrl(dataDir));
            env.put("SMS_SIMULATORS_ENABLED", "false");
            env.put("TWILIO_BASE_URL", twilio.baseUrl());
            env.put("TWILIO_ACCOUNT_SID", "ACbench");
            env.put("TWILIO_AUTH_TOKEN", "bench-token");
            return env;
        }

        static Service start(Path dataDir, int consumers, TwilioStub twilio, String heap, List<String> jvmArgs)
                throws Exception {
            deleteTree(dataDir);
            int http = freePort();
            int broker = freePort();
            Map<String, String> env = environment(dataDir, consumers, twilio, broker);
            Files.createDirectories(dataDir);
            // as the Dockerfile ships it: the whole heap from the start, the JVM picks the collector (G1 on two cores
            // or more), with a 20 ms goal
            List<String> jvm = new ArrayList<>(List.of("-Xms" + heap, "-Xmx" + heap, "-XX:MaxGCPauseMillis=20"));
            jvm.addAll(jvmArgs);
            String extra = System.getProperty("bench.jvm", "").trim(); // e.g. a JFR recording while profiling
            if (!extra.isEmpty()) {
                jvm.addAll(List.of(extra.split(" ")));
            }
            ServiceProcess process = ServiceProcess.start(dataDir, http, env, jvm, dataDir.resolve("service.log"));
            Service service = new Service(process, new BenchData(BenchData.embeddedUrl(dataDir)), new EventPublisher(broker));
            service.twilio = twilio;
            service.acceptedBefore = twilio.accepted();
            service.startup.put("readySeconds", round(process.readySeconds(), 2));
            service.startup.put("idleHeapMb", round(process.heapUsedMb(), 1));
            service.startup.put("idleRssMb", round(process.rssMb()[0], 1));
            service.sampler.scheduleAtFixedRate(service::sampleHeap, 0, 1, TimeUnit.SECONDS);
            LOG.info("Service with {} consumers ready in {} s", consumers, service.startup.get("readySeconds"));
            return service;
        }

        private void sampleHeap() {
            try {
                double now = process.heapUsedMb();
                peakHeap.accumulateAndGet(now, Math::max);
            } catch (Exception ignored) {
                // between runs
            }
        }

        Map<String, Object> startup() {
            return startup;
        }

        Map<String, Object> memory() throws Exception {
            return Map.of("peakHeapMb", round(peakHeap.get(), 1), "peakRssMb", round(process.rssMb()[1], 1));
        }

        /** All events published at once; the service drains them: sustained throughput and CPU. */
        Map<String, Object> backlog(List<BenchData.Event> events, int providerMs) throws Exception {
            int before = data.outcomeCount();
            double cpuBefore = process.cpuSeconds();
            long start = System.currentTimeMillis();
            publisher.publishAll(events);
            awaitOutcomes(before + events.size(), events.size());
            // before reading the outcomes back: the service's H2 serves that read, which is not the flow's work
            double cpu = process.cpuSeconds() - cpuBefore;
            Map<UUID, List<BenchData.Outcome>> outcomes = data.outcomes();
            long last = events.stream().mapToLong(e -> outcomes.get(e.orderId()).get(0).createdAtMs()).max().orElse(start);
            double seconds = (last - start) / 1000.0;
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("events", events.size());
            run.put("providerMs", providerMs);
            run.put("seconds", round(seconds, 2));
            run.put("eventsPerSecond", round(events.size() / seconds, 1));
            run.put("cpuSecondsPer1000", round(cpu / events.size() * 1000, 2));
            LOG.info("Backlog run at {} ms: {}", providerMs, run);
            return run;
        }

        /** A steady stream at the given rate: end-to-end latency, and latency minus provider time. */
        Map<String, Object> paced(List<BenchData.Event> events, double perSecond, int providerMs) throws Exception {
            int before = data.outcomeCount();
            publisher.publishAt(events, perSecond);
            awaitOutcomes(before + events.size(), events.size());
            Map<UUID, List<BenchData.Outcome>> outcomes = data.outcomes();
            double[] latencies = events.stream().mapToDouble(e -> outcomes.get(e.orderId()).get(0).createdAtMs()
                    - publisher.enqueuedAt().get(e.orderId())).sorted().toArray();
            double[] overhead = Arrays.stream(latencies).map(l -> l - providerMs).toArray();
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("events", events.size());
            run.put("providerMs", providerMs);
            run.put("eventsPerSecond", round(perSecond, 1));
            run.put("latencyMs", percentiles(latencies));
            run.put("overheadMs", percentiles(overhead));
            LOG.info("Paced run at {} ms: {}", providerMs, run);
            return run;
        }

        /**
         * Waits for the provider to have taken every event (counted in this JVM, so waiting costs the service
         * nothing), then for the last outcome rows; database queries during a run would load the service's H2.
         */
        private void awaitOutcomes(int total, int expected) {
            Duration timeout = Duration.ofMillis(Math.max(120_000, expected * 20L));
            long sent = acceptedBefore + expected;
            Awaitility.await("the provider took every event").atMost(timeout).pollInterval(Duration.ofMillis(20))
                    .until(() -> twilio.accepted() >= sent);
            acceptedBefore = sent;
            // longer than an unclear send's settle window (60 s): such an event is held, then finished
            Awaitility.await("every outcome row").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                    .until(() -> data.outcomeCount() >= total);
        }

        private static String percentiles(double[] sorted) {
            return (long) pct(sorted, 50) + " / " + (long) pct(sorted, 95) + " / " + (long) pct(sorted, 99);
        }

        private static double pct(double[] sorted, double p) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
        }

        @Override
        public void close() throws Exception {
            sampler.shutdownNow();
            publisher.close();
            process.close();
        }
    }

    static int freePort() throws Exception {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
