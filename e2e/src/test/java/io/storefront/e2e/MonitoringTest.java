package io.storefront.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What operators get in production, checked against the packaged services: the alert rules of k8s/monitoring read
 * metrics the services export (a renamed metric would silence its alert without a word), pass {@code promtool} and
 * its unit tests, and the Ingress publishes the API, the dashboard and the API docs but not health or metrics.
 */
class MonitoringTest {

    private static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
    private static final Path MONITORING = ROOT.resolve("k8s/monitoring");
    /** What PromQL expressions name besides metrics. */
    private static final Set<String> PROMQL_WORDS = Set.of("sum", "by", "rate", "increase", "max", "min", "avg", "count",
            "histogram_quantile", "time", "without", "on", "ignoring", "and", "or", "unless", "bool", "group_left");
    /** Made by Prometheus itself, not by the services. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");

    static Suite suite;

    @BeforeAll
    static void startSuite() {
        suite = Suite.start();
        Suite.sendAdminKey();
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) suite.close();
    }

    @Test
    void everyMetricTheAlertsAndTheDashboardReadIsExportedAndTheirRoutesExist() throws IOException {
        // a request each, so that the request timers exist as they do in a running shop
        // the recommender answers 503 until its first model, built at start, is there
        for (int i = 0; i < 120 && given().baseUri(suite.url("gateway")).when().get("/api/v1/recommendations/popular")
                .statusCode() == 503; i++) {
            Suite.sleep(250);
        }
        given().baseUri(suite.url("gateway")).when().get("/api/v1/recommendations/popular").then().statusCode(200);
        given().baseUri(suite.url("gateway")).contentType("application/json").body(Map.of("text", "Lovely, fast delivery."))
                .when().post("/sentiment").then().statusCode(200);
        given().baseUri(suite.url("gateway")).when().get("/analytics/sales?charts=none").then().statusCode(200);

        Set<String> exported = new TreeSet<>();
        for (Suite.Service s : Suite.SERVICES) {
            String page = given().baseUri(suite.url(s.name())).when().get("/q/metrics").then().statusCode(200).extract().asString();
            for (String line : page.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                exported.add(line.split("[{ ]", 2)[0]);
            }
        }
        Set<String> read = new TreeSet<>();
        for (String expr : alertExpressions()) read.addAll(metricNames(expr));
        assertTrue(read.size() >= 8, "the expressions were read: " + read);
        Set<String> shown = new TreeSet<>();
        for (String expr : dashboardExpressions()) shown.addAll(metricNames(expr));
        assertTrue(shown.size() >= 12, "the dashboard's expressions were read: " + shown);
        read.addAll(shown);
        for (String metric : read) {
            if (PROMETHEUS_OWN.contains(metric)) continue;
            assertTrue(exported.contains(metric), "an alert or a panel reads " + metric + ", which no service exports");
        }

        // the latency alerts select these routes by their uri label
        assertTrue(metricsOf("recommender").contains("uri=\"/api/v1/recommendations/popular\""));
        assertTrue(metricsOf("sentiment").contains("uri=\"/api/v1/sentiment\""));
    }

    @Test
    void theAlertRulesPassPromtoolAndTheirUnitTests() throws Exception {
        if (!promtool()) {
            String missing = "promtool is not installed (Debian: apt-get install --no-install-recommends prometheus)";
            if ("true".equals(System.getenv("CI"))) throw new IllegalStateException(missing);
            Assumptions.abort(missing);
        }
        Path dir = Files.createDirectories(Path.of("target", "monitoring"));
        Map<String, Object> rule;
        try (Reader r = Files.newBufferedReader(MONITORING.resolve("alerts.yaml"))) {
            rule = new Yaml().load(r);
        }
        assertEquals("PrometheusRule", rule.get("kind"));
        try (Writer w = Files.newBufferedWriter(dir.resolve("alerts.rules.yaml"))) {
            new Yaml().dump(rule.get("spec"), w);
        }
        Files.copy(MONITORING.resolve("alerts.test.yaml"), dir.resolve("alerts.test.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals("", run(dir, "promtool", "check", "rules", "alerts.rules.yaml"));
        assertEquals("", run(dir, "promtool", "test", "rules", "alerts.test.yaml"));

        // the dashboard's queries, parsed by Prometheus' own parser as recording rules
        List<Map<String, Object>> records = new ArrayList<>();
        List<String> queries = dashboardExpressions();
        for (int i = 0; i < queries.size(); i++) records.add(Map.of("record", "storefront:dashboard_query_" + i, "expr", queries.get(i)));
        try (Writer w = Files.newBufferedWriter(dir.resolve("dashboard.rules.yaml"))) {
            new Yaml().dump(Map.of("groups", List.of(Map.of("name", "dashboard", "rules", records))), w);
        }
        assertEquals("", run(dir, "promtool", "check", "rules", "dashboard.rules.yaml"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theIngressPublishesTheApiTheDashboardAndTheDocsButNotHealthOrMetrics() throws IOException {
        List<Map<String, Object>> ingressPaths = null;
        try (Reader r = Files.newBufferedReader(ROOT.resolve("k8s/base/ingress.yaml"))) {
            Map<String, Object> ingress = new Yaml().load(r);
            Map<String, Object> rule = ((List<Map<String, Object>>) ((Map<String, Object>) ingress.get("spec")).get("rules")).getFirst();
            ingressPaths = (List<Map<String, Object>>) ((Map<String, Object>) rule.get("http")).get("paths");
        }
        List<String> published = new ArrayList<>();
        String openapi = given().baseUri(suite.url("gateway")).when().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        for (String path : JsonPath.from(openapi).getMap("paths").keySet().stream().map(Object::toString).toList()) {
            published.add(path.replaceAll("\\{[^}]+}", "x"));
        }
        assertTrue(published.containsAll(List.of("/recommend", "/sentiment", "/analytics/sales", "/analytics/customer")),
                "the original routes are documented: " + published);
        Path dashboard = ROOT.resolve("gateway/src/main/resources/META-INF/resources");
        try (Stream<Path> files = Files.walk(dashboard)) {
            files.filter(Files::isRegularFile).map(f -> "/" + dashboard.relativize(f).toString().replace('\\', '/'))
                    .map(f -> f.equals("/index.html") ? "/" : f).forEach(published::add);
        }
        published.addAll(List.of("/q/swagger-ui/", "/q/swagger-ui/index.html", "/q/openapi"));
        for (String path : published) {
            assertTrue(routed(ingressPaths, path), path + " is public but the Ingress does not route it");
        }
        for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready", "/q/health/live", "/q/dev-ui", "/q/info")) {
            assertFalse(routed(ingressPaths, path), path + " must stay inside the cluster");
        }
        // and what the Ingress routes is there: the dashboard answers at its path
        given().baseUri(suite.url("gateway")).when().get("/").then().statusCode(200);
        given().baseUri(suite.url("gateway")).when().get("/q/swagger-ui/").then().statusCode(200);
    }

    /**
     * Production logs are one JSON object a line, so a log service can index them: the level, the logger, the
     * message and the request id the gateway passes on (here on the warning a stopped service causes).
     */
    @Test
    void productionLogsAreJsonLinesThatCarryTheRequestId() throws IOException {
        String requestId = "monitoring-" + System.nanoTime();
        suite.stop("sentiment");
        try {
            given().baseUri(suite.url("gateway")).header("X-Request-Id", requestId).contentType("application/json")
                    .body(Map.of("text", "Fine.")).when().post("/sentiment").then().statusCode(503);
        } finally {
            suite.launch("sentiment");
            suite.awaitReady("sentiment", java.time.Duration.ofSeconds(90));
        }
        List<String> lines = Files.readAllLines(Path.of("target", "suite-logs", "gateway.log"));
        List<JsonPath> records = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("{")) records.add(JsonPath.from(line));
        }
        assertTrue(records.stream().anyMatch(r -> r.getString("message").contains("started in")), "the start is logged");
        for (JsonPath r : records) {
            assertTrue(r.getString("timestamp") != null && r.getString("level") != null && r.getString("loggerName") != null,
                    r.prettify());
        }
        JsonPath warning = records.stream().filter(r -> requestId.equals(r.getString("mdc.requestId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no JSON record with mdc.requestId " + requestId + " in "
                        + lines.subList(Math.max(0, lines.size() - 5), lines.size())));
        assertEquals("WARN", warning.getString("level"));
        assertTrue(warning.getString("message").contains("sentiment"), warning.prettify());
        assertEquals("e2e-admin", warning.getString("mdc.apiKey"), "the key's id, never the key");
    }

    /** The PodMonitor selects every service's pods and scrapes the port and path they serve metrics on. */
    @Test
    @SuppressWarnings("unchecked")
    void thePodMonitorScrapesEveryServicesMetricsPort() throws Exception {
        Map<String, Object> monitor;
        try (Reader r = Files.newBufferedReader(MONITORING.resolve("podmonitor.yaml"))) {
            monitor = new Yaml().load(r);
        }
        Map<String, Object> spec = (Map<String, Object>) monitor.get("spec");
        Map<String, String> selector = (Map<String, String>) ((Map<String, Object>) spec.get("selector")).get("matchLabels");
        Map<String, Object> endpoint = ((List<Map<String, Object>>) spec.get("podMetricsEndpoints")).getFirst();
        assertEquals("/q/metrics", endpoint.get("path"));
        for (Suite.Service s : Suite.SERVICES) {
            Map<String, Object> deployment = null;
            try (Reader r = Files.newBufferedReader(ROOT.resolve("k8s/base/" + s.name() + ".yaml"))) {
                for (Object doc : new Yaml().loadAll(r)) {
                    if (doc instanceof Map<?, ?> m && "Deployment".equals(m.get("kind"))) deployment = (Map<String, Object>) m;
                }
            }
            assertTrue(deployment != null, s.name());
            Map<String, Object> template = (Map<String, Object>) ((Map<String, Object>) deployment.get("spec")).get("template");
            Map<String, Object> metadata = (Map<String, Object>) template.get("metadata");
            Map<String, String> labels = (Map<String, String>) metadata.get("labels");
            selector.forEach((k, v) -> assertEquals(v, labels.get(k), s.name() + " pods carry " + k));
            Map<String, Object> container = ((List<Map<String, Object>>) ((Map<String, Object>) template.get("spec"))
                    .get("containers")).getFirst();
            Map<String, Object> port = ((List<Map<String, Object>>) container.get("ports")).stream()
                    .filter(p -> endpoint.get("port").equals(p.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError(s.name() + " has no port named " + endpoint.get("port")));
            Map<String, String> annotations = (Map<String, String>) metadata.get("annotations");
            assertEquals(String.valueOf(port.get("containerPort")), annotations.get("prometheus.io/port"), s.name());
            assertEquals("/q/metrics", annotations.get("prometheus.io/path"), s.name());
        }
        if (kubectl()) {
            Process p = new ProcessBuilder("kubectl", "kustomize", MONITORING.toString()).redirectErrorStream(true).start();
            String rendered = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), rendered);
            assertTrue(rendered.contains("kind: PodMonitor") && rendered.contains("kind: PrometheusRule")
                    && rendered.contains("grafana_dashboard: \"1\"") && rendered.contains("storefront-insights.json"), rendered);
        }
    }

    private static boolean kubectl() {
        try {
            return new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Kubernetes Ingress matching: Exact is the whole path, Prefix whole path elements. */
    private static boolean routed(List<Map<String, Object>> ingressPaths, String path) {
        for (Map<String, Object> p : ingressPaths) {
            String rule = (String) p.get("path");
            boolean match = switch ((String) p.get("pathType")) {
                case "Exact" -> path.equals(rule);
                case "Prefix" -> rule.equals("/") || path.equals(rule) || path.startsWith(rule.replaceAll("/$", "") + "/");
                default -> throw new AssertionError("pathType " + p.get("pathType") + " of " + rule + " is not portable");
            };
            if (match) return true;
        }
        return false;
    }

    private static String metricsOf(String service) {
        return given().baseUri(suite.url(service)).when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> alertExpressions() throws IOException {
        try (Reader r = Files.newBufferedReader(MONITORING.resolve("alerts.yaml"))) {
            Map<String, Object> rule = new Yaml().load(r);
            List<String> exprs = new ArrayList<>();
            for (Map<String, Object> group : (List<Map<String, Object>>) ((Map<String, Object>) rule.get("spec")).get("groups")) {
                for (Map<String, Object> alert : (List<Map<String, Object>>) group.get("rules")) exprs.add((String) alert.get("expr"));
            }
            return exprs;
        }
    }

    /** Every query of the Grafana dashboard in k8s/monitoring; its panels must have a place and a title. */
    @SuppressWarnings("unchecked")
    private static List<String> dashboardExpressions() throws IOException {
        Map<String, Object> dashboard = JsonPath.from(MONITORING.resolve("grafana-dashboard.json").toFile()).getMap("$");
        List<String> exprs = new ArrayList<>();
        for (Map<String, Object> panel : (List<Map<String, Object>>) dashboard.get("panels")) {
            assertTrue(panel.get("gridPos") instanceof Map && panel.get("title") instanceof String, panel.toString());
            for (Map<String, Object> target : (List<Map<String, Object>>) panel.getOrDefault("targets", List.of())) {
                exprs.add((String) target.get("expr"));
            }
        }
        return exprs;
    }

    /** The metric names of a PromQL expression: its words outside strings, label matchers and ranges. */
    static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\"[^\"]*\"", "").replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\b[a-zA-Z_:][a-zA-Z0-9_:]*\\b").matcher(bare);
        while (m.find()) {
            if (!PROMQL_WORDS.contains(m.group())) names.add(m.group());
        }
        return names;
    }

    private static boolean promtool() {
        try {
            return new ProcessBuilder("promtool", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a command in {@code dir}; its output when it fails, "" when it succeeds. */
    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not end");
        return p.exitValue() == 0 ? "" : output;
    }
}
