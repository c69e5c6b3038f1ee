package dev.atlmcp.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A soak of concurrent MCP sessions against jira-mcp and the sandbox, mixing reads and writes while the sandbox fails
 * some requests: 10% of reads answer 503, 5% of comment writes 429 (to be waited out and retried) and 10% fail with a
 * 500 after the comment was stored (an unknown outcome, never retried). Afterwards every write is checked in Jira: one
 * answered as done exists exactly once, one of unknown outcome at most once, one that failed not at all; and the
 * server's MCP sessions and live threads are compared with before (threads after the worker pool's idle time). Runs as
 * a test ({@code SoakTest}) and standalone ({@code bench/soak}).
 */
public final class McpSoak {

    /** Where everything is: the MCP endpoint and its bearer token, the server's metrics, the sandbox. */
    public record Target(String mcpUrl, String token, String metricsUrl, String sandboxUrl, String atlassianEmail,
            String atlassianToken) {
    }

    /** What the soak saw; {@link #problems()} is empty when nothing was lost, duplicated or leaked. */
    public record Report(long calls, long readErrors, long writesDone, long writesUnknown, long writesRefused,
            double sessionsBefore, double sessionsDuring, double sessionsAfter, double threadsBefore,
            double threadsAfter, List<String> errors, List<String> problems) {

        @Override
        public String toString() {
            return String.format("%d tool calls; %d reads failed; writes: %d done, %d of unknown outcome, %d refused; "
                    + "MCP sessions %.0f before, %.0f during, %.0f after; live threads %.0f before, %.0f after; "
                    + "problems: %s; first errors: %s", calls, readErrors, writesDone, writesUnknown, writesRefused,
                    sessionsBefore, sessionsDuring, sessionsAfter, threadsBefore, threadsAfter, problems.isEmpty()
                            ? "none" : problems,
                    errors);
        }
    }

    private enum Outcome {
        DONE, UNKNOWN, REFUSED
    }

    private static final String ISSUE = "OPS-2";
    /** Threads a server may keep beyond the warm-up's once the soak is over and its pool idle again. */
    private static final int THREAD_SLACK = 16;

    private McpSoak() {
    }

    public static Report run(Target target, int sessions, Duration duration) throws Exception {
        McpLoad load = new McpLoad(target.mcpUrl(), target.token());
        String run = Long.toHexString(System.nanoTime());
        drive(load, sessions, Duration.ofSeconds(3), run + "w", new ConcurrentHashMap<>(), new ArrayList<>());
        Thread.sleep(500);
        double sessionsBefore = metric(target.metricsUrl(), "mcp_server_connections_active");
        double threadsBefore = metric(target.metricsUrl(), "jvm_threads_live_threads");
        Map<String, Outcome> writes = new ConcurrentHashMap<>();
        faults(target.sandboxUrl(), "POST");
        long[] counts;
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        double[] sessionsDuring = new double[1];
        Thread sampler = new Thread(() -> {
            try {
                Thread.sleep(duration.toMillis() / 2);
                sessionsDuring[0] = metric(target.metricsUrl(), "mcp_server_connections_active");
            } catch (IOException | InterruptedException e) {
                sessionsDuring[0] = -1;
            }
        });
        sampler.start();
        try {
            counts = drive(load, sessions, duration, run, writes, errors);
            sampler.join();
        } finally {
            faults(target.sandboxUrl(), "DELETE");
        }
        Thread.sleep(2000);
        double sessionsAfter = metric(target.metricsUrl(), "mcp_server_connections_active");
        // Worker threads the soak added end after the pool's keep-alive time; a leaked one never does.
        double threadsAfter = metric(target.metricsUrl(), "jvm_threads_live_threads");
        for (int wait = 0; wait < 60 && threadsAfter > threadsBefore + THREAD_SLACK; wait++) {
            Thread.sleep(1000);
            threadsAfter = metric(target.metricsUrl(), "jvm_threads_live_threads");
        }

        List<String> problems = new ArrayList<>();
        String comments = allComments(target);
        writes.forEach((marker, outcome) -> {
            int found = occurrences(comments, marker);
            if (outcome == Outcome.DONE && found != 1 || outcome == Outcome.UNKNOWN && found > 1
                    || outcome == Outcome.REFUSED && found != 0) {
                problems.add(marker + " answered " + outcome + " but is in Jira " + found + " times");
            }
        });
        if (sessionsDuring[0] < sessions) {
            problems.add("the server counted " + sessionsDuring[0] + " MCP sessions while " + sessions + " were open");
        }
        if (sessionsAfter > sessionsBefore) {
            problems.add("MCP sessions grew from " + sessionsBefore + " to " + sessionsAfter);
        }
        if (threadsAfter > threadsBefore + THREAD_SLACK) {
            problems.add("live threads grew from " + threadsBefore + " to " + threadsAfter);
        }
        long done = writes.values().stream().filter(o -> o == Outcome.DONE).count();
        long unknown = writes.values().stream().filter(o -> o == Outcome.UNKNOWN).count();
        return new Report(counts[0], counts[1], done, unknown, writes.size() - done - unknown, sessionsBefore,
                sessionsDuring[0], sessionsAfter, threadsBefore, threadsAfter, List.copyOf(errors.subList(0, Math
                        .min(5, errors.size()))),
                problems);
    }

    /** Each session in its own thread: read the issue, search, comment; returns {calls, read errors}. */
    private static long[] drive(McpLoad load, int sessions, Duration duration, String run,
            Map<String, Outcome> writes, List<String> errors) throws Exception {
        AtomicLong calls = new AtomicLong();
        AtomicLong readErrors = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        List<Exception> crashes = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            int session = s;
            Thread worker = new Thread(() -> {
                try (McpLoad.Session mcp = load.open("soak-" + session)) {
                    for (int n = 0; System.nanoTime() < end; n++) {
                        for (var read : List.of(Map.entry("jira_get_issue", "{\"issue_key\":\"" + ISSUE + "\"}"),
                                Map.entry("jira_search", "{\"jql\":\"project = OPS ORDER BY created DESC\","
                                        + "\"limit\":5}"))) {
                            calls.incrementAndGet();
                            McpLoad.Answer answer = mcp.call(read.getKey(), read.getValue());
                            if (answer.isError()) {
                                readErrors.incrementAndGet();
                                errors.add(read.getKey() + ": " + answer.body());
                            }
                        }
                        String marker = "[soak " + run + " s" + session + " n" + n + "]";
                        calls.incrementAndGet();
                        McpLoad.Answer answer = mcp.call("jira_add_comment", "{\"issue_key\":\"" + ISSUE
                                + "\",\"body\":\"" + marker + "\"}");
                        writes.put(marker, !answer.isError() ? Outcome.DONE
                                : answer.body().contains("It is unknown whether") ? Outcome.UNKNOWN : Outcome.REFUSED);
                        if (answer.isError() && !answer.body().contains("It is unknown whether")) {
                            errors.add("jira_add_comment: " + answer.body());
                        }
                    }
                } catch (Exception e) {
                    synchronized (crashes) {
                        crashes.add(e);
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (!crashes.isEmpty()) {
            throw new IllegalStateException(crashes.size() + " sessions failed, first: " + crashes.get(0), crashes
                    .get(0));
        }
        return new long[] { calls.get(), readErrors.get() };
    }

    private static void faults(String sandboxUrl, String method) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        if ("DELETE".equals(method)) {
            http.send(HttpRequest.newBuilder(URI.create(sandboxUrl + "/_sandbox/faults")).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
            return;
        }
        for (String rule : List.of(
                "{\"pathPrefix\":\"/rest/api/3/issue/" + ISSUE + "/comment\",\"method\":\"POST\",\"status\":429,"
                        + "\"retryAfter\":1,\"rate\":0.05}",
                "{\"pathPrefix\":\"/rest/api/3/issue/" + ISSUE + "/comment\",\"method\":\"POST\",\"status\":500,"
                        + "\"afterProcessing\":true,\"rate\":0.1}",
                "{\"pathPrefix\":\"/rest/api/3/\",\"method\":\"GET\",\"status\":503,\"rate\":0.1}")) {
            HttpResponse<String> added = http.send(HttpRequest.newBuilder(URI.create(sandboxUrl + "/_sandbox/faults"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(rule))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (added.statusCode() >= 300) {
                throw new IllegalStateException("The sandbox refused the fault " + rule + ": " + added.body());
            }
        }
    }

    /** Every comment of the issue, as Jira's JSON, read directly from the sandbox with the service account. */
    private static String allComments(Target target) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String basic = Base64.getEncoder().encodeToString((target.atlassianEmail() + ":" + target.atlassianToken())
                .getBytes(StandardCharsets.UTF_8));
        StringBuilder all = new StringBuilder();
        for (int start = 0;; start += 100) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(target.sandboxUrl()
                    + "/rest/api/3/issue/" + ISSUE + "/comment?startAt=" + start + "&maxResults=100")).header(
                            "Authorization", "Basic " + basic)
                    .build(), HttpResponse.BodyHandlers.ofString());
            all.append(page.body());
            Matcher total = Pattern.compile("\"total\":(\\d+)").matcher(page.body());
            if (page.statusCode() != 200 || !total.find() || start + 100 >= Integer.parseInt(total.group(1))) {
                return all.toString();
            }
        }
    }

    private static int occurrences(String text, String marker) {
        int count = 0;
        for (int i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + marker.length())) {
            count++;
        }
        return count;
    }

    /** A gauge from the Prometheus scrape, summed over its series. */
    private static double metric(String metricsUrl, String name) throws IOException, InterruptedException {
        String scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(metricsUrl)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double sum = 0;
        for (String line : scrape.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** {@code bench/soak}: {@code --url --token --metrics --sandbox --email --api-token --sessions --seconds}. */
    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Report report = run(new Target(o.get("url"), o.get("token"), o.get("metrics"), o.get("sandbox"), o.get(
                "email"), o.get("api-token")), Integer.parseInt(o.getOrDefault("sessions", "200")), Duration
                        .ofSeconds(Long.parseLong(o.getOrDefault("seconds", "600"))));
        System.out.println(report);
        if (!report.problems().isEmpty()) {
            System.exit(1);
        }
    }
}
