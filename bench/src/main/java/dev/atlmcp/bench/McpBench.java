package dev.atlmcp.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark behind {@code bench/mcp}: drives a running server over Streamable HTTP with real MCP sessions and
 * prints, per tool and concurrency, calls per second, client-side p50/p99, the server's own overhead p50/p99 (from its
 * {@code mcp_server_overhead_seconds} histogram: request received to response written, minus the wait on Atlassian) and
 * its resident memory; first the time from the server's launch to its first successful {@code tools/list}. Only the JDK
 * is needed: {@code java -cp shared/testing/target/classes dev.atlmcp.testing.McpBench ...}.
 */
public final class McpBench {

    private static final int WARM_ROUND = 5;
    private static final double WARM_JIT_SHARE = 0.05;
    private static final Pattern BUCKET = Pattern.compile(
            "^mcp_server_overhead_seconds_bucket\\{(.*)\\} ([0-9.eE+-]+)$");
    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

    private McpBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String url = options.get("url");
        String token = options.get("token");
        String metrics = options.get("metrics");
        long pid = Long.parseLong(options.get("pid"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "15"));
        int[] concurrencies = java.util.Arrays.stream(options.getOrDefault("concurrency", "1,16,64").split(","))
                .mapToInt(c -> Integer.parseInt(c.trim())).toArray();
        McpLoad load = new McpLoad(url, token);

        long launched = Long.parseLong(options.get("launched-ms"));
        long startup = firstToolsList(load) - launched;
        System.out.printf("start-up to first successful tools/list: %d ms%n", startup);
        Thread.sleep(2000);
        long idleRss = rssKb(pid) / 1024;
        System.out.printf("resident memory two seconds later, idle: %d MB%n", idleRss);

        Map<String, String> tools = new LinkedHashMap<>();
        tools.put("jira_get_issue", "{\"issue_key\":\"WEB-1\"}");
        tools.put("jira_search", "{\"jql\":\"project = WEB ORDER BY key ASC\"}");
        warmUp(load, tools, Integer.parseInt(options.getOrDefault("warmup", "120")), metrics, pid);
        System.out.println();
        System.out
                .println("| tool | concurrency | calls/s | p50 ms | p99 ms | server overhead p50 ms | server overhead "
                        + "p99 ms | server CPU ms per call | errors | server RSS MB |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        Map<String, Phase> phases = new LinkedHashMap<>();
        for (int concurrency : concurrencies) {
            for (var tool : tools.entrySet()) {
                phases.put(tool.getKey() + " " + concurrency, run(load, Map.of(tool.getKey(), tool.getValue()),
                        concurrency, seconds, metrics, pid, tool.getKey()));
            }
        }
        System.out.println();
        printTargets(startup, idleRss, phases, tools.keySet());
    }

    /**
     * Rounds of {@value #WARM_ROUND} s at concurrency 16 until the JVM's JIT compiler threads used at most
     * {@value #WARM_JIT_SHARE} of one core in a round (the hot paths are compiled: what a server that has run for a
     * while does per call), or {@code maxSeconds} passed; at least one round.
     */
    private static void warmUp(McpLoad load, Map<String, String> tools, int maxSeconds, String metrics, long pid)
            throws Exception {
        int spent = 0;
        double jitShare;
        do {
            long jitBefore = jitMillis(pid);
            run(load, tools, 16, WARM_ROUND, metrics, pid, null);
            spent += WARM_ROUND;
            jitShare = (jitMillis(pid) - jitBefore) / (WARM_ROUND * 1000.0);
            System.out.printf("warm-up at concurrency 16, %3d s: JIT compilers used %.0f%% of a core%n", spent,
                    jitShare * 100);
        } while (jitShare > WARM_JIT_SHARE && spent < maxSeconds);
    }

    /** CPU time of the JVM's JIT compiler threads so far. */
    private static long jitMillis(long pid) {
        long total = 0;
        try (var threads = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path thread : threads.toList()) {
                try {
                    String name = Files.readString(thread.resolve("comm"));
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        total += ticks(Files.readString(thread.resolve("stat")));
                    }
                } catch (IOException e) {
                    // the thread ended
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return total * 10;
    }

    /** Each target of the server's own cost, what was measured, and whether it is met. */
    private static void printTargets(long startup, long idleRss, Map<String, Phase> phases,
            java.util.Set<String> tools) {
        System.out.println("| target | measured | met |");
        System.out.println("|---|---|---|");
        target("start-up to first tools/list < 1000 ms", startup + " ms", startup < 1000);
        target("resident memory idle < 150 MB", idleRss + " MB", idleRss < 150);
        if (phases.keySet().stream().anyMatch(p -> p.endsWith(" 64"))) {
            long rss64 = tools.stream().mapToLong(t -> phases.get(t + " 64").rssMb()).max().orElse(0);
            target("resident memory at concurrency 64 < 300 MB", rss64 + " MB", rss64 < 300);
        }
        for (String tool : tools) {
            Phase one = phases.get(tool + " 1");
            Phase sixteen = phases.get(tool + " 16");
            if (one != null) {
                target(tool + " overhead p50 at concurrency 1 < 1 ms", String.format("%.2f ms", one.overheadP50()),
                        one.overheadP50() < 1);
                target(tool + " overhead p99 at concurrency 1 < 5 ms", String.format("%.2f ms", one.overheadP99()),
                        one.overheadP99() < 5);
            }
            if (sixteen != null) {
                target(tool + " overhead p50 at concurrency 16 < 3 ms", String.format("%.2f ms", sixteen
                        .overheadP50()), sixteen.overheadP50() < 3);
            }
        }
    }

    private static void target(String target, String measured, boolean met) {
        System.out.printf("| %s | %s | %s |%n", target, measured, met ? "yes" : "**no**");
    }

    private static long firstToolsList(McpLoad load) throws InterruptedException {
        while (true) {
            try (McpLoad.Session session = load.open("bench")) {
                if (session.listTools().contains("\"tools\"")) {
                    return System.currentTimeMillis();
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(20);
        }
    }

    /** One phase; prints a table row unless {@code label} is null (warm-up). */
    private static Phase run(McpLoad load, Map<String, String> tools, int concurrency, int seconds, String metrics,
            long pid, String label) throws Exception {
        Phase phase = measure(load, tools, concurrency, seconds, metrics, pid, label);
        if (label != null) {
            System.out.printf("| %s | %d | %.0f | %.1f | %.1f | %.2f | %.2f | %.2f | %d | %d |%n", label, concurrency,
                    phase.callsPerSecond(), phase.p50(), phase.p99(), phase.overheadP50(), phase.overheadP99(), phase
                            .cpuMsPerCall(),
                    phase.errors(), phase.rssMb());
        }
        return phase;
    }

    /**
     * What one phase measured: calls, calls per second, client-side latency percentiles in ms, the server's own
     * overhead percentiles in ms (NaN without {@code overheadTool}), the server process's CPU time per call in ms (all
     * its threads, user and system), errors and the server's largest resident set.
     */
    record Phase(long calls, double callsPerSecond, double p50, double p90, double p99, double overheadP50,
            double overheadP99, double cpuMsPerCall, long errors, long rssMb) {
    }

    /**
     * Runs {@code concurrency} sessions, each calling {@code tools} in turn for {@code seconds}; the overhead is read
     * from the server's histogram for {@code overheadTool}.
     */
    static Phase measure(McpLoad load, Map<String, String> tools, int concurrency, int seconds, String metrics,
            long pid, String overheadTool) throws Exception {
        Map<Double, Double> before = overheadBuckets(metrics, overheadTool);
        long cpuBefore = cpuMillis(pid);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong maxRss = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        List<McpLoad.Session> sessions = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            sessions.add(load.open("bench-" + i));
        }
        long start = System.nanoTime();
        for (McpLoad.Session session : sessions) {
            Thread worker = new Thread(() -> {
                try {
                    while (running.get()) {
                        for (var tool : tools.entrySet()) {
                            McpLoad.Answer answer = session.call(tool.getKey(), tool.getValue());
                            latencies.add(answer.nanos());
                            if (answer.isError()) {
                                errors.incrementAndGet();
                            }
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    errors.incrementAndGet();
                }
            });
            worker.start();
            workers.add(worker);
        }
        long end = start + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            maxRss.accumulateAndGet(rssKb(pid), Math::max);
            Thread.sleep(250);
        }
        running.set(false);
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long cpu = cpuMillis(pid) - cpuBefore;
        for (McpLoad.Session session : sessions) {
            session.close();
        }
        Map<Double, Double> after = overheadBuckets(metrics, overheadTool);
        return new Phase(latencies.size(), latencies.size() / elapsed, McpLoad.percentileMillis(latencies, 50),
                McpLoad.percentileMillis(latencies, 90), McpLoad.percentileMillis(latencies, 99), percentileOfDelta(
                        before, after, 0.50) * 1000,
                percentileOfDelta(before, after, 0.99) * 1000, latencies.isEmpty() ? Double.NaN : (double) cpu
                        / latencies.size(),
                errors.get(),
                maxRss.get() / 1024);
    }

    /** Cumulative bucket counts of the overhead histogram for {@code tool}, by upper bound in seconds. */
    private static Map<Double, Double> overheadBuckets(String metrics, String tool) throws Exception {
        Map<Double, Double> buckets = new TreeMap<>();
        if (tool == null) {
            return buckets;
        }
        HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(metrics))
                .build(), HttpResponse.BodyHandlers.ofString());
        for (String line : scrape.body().split("\n")) {
            Matcher bucket = BUCKET.matcher(line);
            if (bucket.matches() && bucket.group(1).contains("tool=\"" + tool + "\"")) {
                Matcher le = LE.matcher(bucket.group(1));
                if (le.find()) {
                    double bound = "+Inf".equals(le.group(1)) ? Double.POSITIVE_INFINITY : Double.parseDouble(le
                            .group(1));
                    buckets.merge(bound, Double.parseDouble(bucket.group(2)), Double::sum);
                }
            }
        }
        return buckets;
    }

    /** The {@code quantile} of the observations between two scrapes, interpolated inside its bucket. */
    static double percentileOfDelta(Map<Double, Double> before, Map<Double, Double> after, double quantile) {
        List<Map.Entry<Double, Double>> delta = new ArrayList<>();
        after.forEach((bound, count) -> delta.add(Map.entry(bound, count - before.getOrDefault(bound, 0.0))));
        if (delta.isEmpty()) {
            return Double.NaN;
        }
        double total = delta.get(delta.size() - 1).getValue();
        double target = quantile * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> bucket : delta) {
            if (bucket.getValue() >= target) {
                if (bucket.getKey().isInfinite()) {
                    return lowerBound;
                }
                double inBucket = bucket.getValue() - lowerCount;
                return lowerBound + (bucket.getKey() - lowerBound) * (inBucket == 0 ? 1 : (target - lowerCount)
                        / inBucket);
            }
            lowerBound = bucket.getKey();
            lowerCount = bucket.getValue();
        }
        return lowerBound;
    }

    /** CPU time of the process so far, user and system, from {@code /proc/<pid>/stat}. */
    private static long cpuMillis(long pid) {
        try {
            return ticks(Files.readString(Path.of("/proc/" + pid + "/stat"))) * 10;
        } catch (IOException e) {
            return 0;
        }
    }

    /** User plus system time in a {@code stat} line of {@code /proc}, in clock ticks (10 ms on Linux). */
    private static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process is gone or this is not Linux
        }
        return 0;
    }

    private static Map<String, String> options(String[] args) {
        return options(args, List.of("url", "token", "metrics", "pid", "launched-ms"), "bench/mcp");
    }

    /**
     * {@code --name value} pairs; each of {@code required} must be there ({@code script} says where they come from).
     */
    static Map<String, String> options(String[] args, List<String> required, String script) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        for (String name : required) {
            if (!options.containsKey(name)) {
                throw new IllegalArgumentException("Missing --" + name + "; see " + script);
            }
        }
        return options;
    }
}
