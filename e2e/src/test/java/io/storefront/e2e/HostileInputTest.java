package io.storefront.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile input against every public route of the gateway with the real services behind it:
 * malformed and deeply nested JSON, wrong types, huge bodies, invalid UTF-8, broken CSV, injection
 * and traversal strings, absurd parameters. Every answer must be below 500, a 4xx must be
 * problem+json without a stack trace, and nothing stored may change. The count of cases is printed.
 */
class HostileInputTest {

    static Suite suite;
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static final List<String> HOSTILE = List.of("' OR 1=1 --", "1; DROP TABLE reviews", "../../etc/passwd",
            "..%2f..%2fetc%2fpasswd", "<script>alert(1)</script>", "%00", "-1", "0", "99999999999999999999", "NaN",
            "1e309", "", " ", "{}", "[]", "null", "true", "\uD83D\uDE00", "x".repeat(5000), "2026-13-45", "9999-12-31",
            "\\u0000", "\u0000", "a\u0000b", "${jndi:ldap://127.0.0.1/a}", "%", "&", "=");

    private static final List<String> QUERY_NAMES = List.of("from", "to", "category", "subCategory", "state",
            "paymentMode", "interval", "charts", "by", "level", "limit", "k", "months", "thresholds", "low", "high",
            "after", "productId", "exclude", "excludeBought", "inStock", "explain", "items", "user", "product", "cut", "end");

    @BeforeAll
    static void startSuite() {
        suite = Suite.start();
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) suite.close();
    }

    private record Case(String method, String path, String contentType, byte[] body) {
        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 80), StandardCharsets.ISO_8859_1);
            return method + " " + (path.length() > 120 ? path.substring(0, 120) + "…" : path) + " " + shown;
        }
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        List<String> getPaths = List.of("/analytics/sales", "/analytics/customer", "/api/v1/analytics/sales/summary",
                "/api/v1/analytics/sales/trend", "/api/v1/analytics/sales/regions", "/api/v1/analytics/sales/profit",
                "/api/v1/analytics/products/top", "/api/v1/analytics/products/treemap",
                "/api/v1/analytics/customers/clusters", "/api/v1/analytics/customers/cohorts",
                "/api/v1/analytics/customers/segments", "/api/v1/analytics/sales/charts/sales-trend.png",
                "/api/v1/sentiment/reviews", "/recommend", "/api/v1/recommendations/users/C1",
                "/api/v1/recommendations/products/P1/similar", "/api/v1/recommendations/bought-together",
                "/api/v1/recommendations/popular", "/api/v1/catalog/products");
        for (String path : getPaths) {
            for (String name : QUERY_NAMES) {
                for (String value : HOSTILE) cases.add(new Case("GET", path + "?" + name + "=" + q(value), null, null));
            }
        }
        for (String value : HOSTILE) {
            String v = q(value).replace("+", "%20");
            for (String template : List.of("/api/v1/analytics/customers/profiles/%s", "/api/v1/sentiment/reviews/%s",
                    "/api/v1/sentiment/products/%s", "/api/v1/sentiment/models/%s",
                    "/api/v1/sentiment/reviews/imports/%s", "/api/v1/analytics/%s/summary",
                    "/api/v1/analytics/sales/charts/%s", "/api/v1/recommendations/users/%s",
                    "/api/v1/recommendations/products/%s/similar", "/api/v1/catalog/products/%s",
                    "/api/v1/catalog/imports/%s", "/api/v1/users/%s/preferences", "/api/v1/recommender/model/builds/%s",
                    "/api/v1/recommender/evaluations/%s")) {
                if (v.isEmpty()) continue;
                cases.add(new Case("GET", template.formatted(v), null, null));
            }
            cases.add(new Case("POST", "/api/v1/sentiment/models/" + (v.isEmpty() ? "x" : v) + "/activate", null, null));
        }
        List<String> jsonBodies = new ArrayList<>(List.of("{", "[", "null", "123", "\"text\"", "{\"text\": 5}",
                "{\"text\": [\"a\"]}", "{\"text\": {\"a\": 1}}", "{\"texts\": \"a\"}", "{\"texts\": [null]}",
                "{\"texts\": [1, 2]}", "{\"texts\": [[\"a\"]]}", "{\"text\": null}", "{\"text\": \"a\", \"extra\": "
                        + "\"x\".repeat(1)}", "{\"text\": \"\\ud800\"}", "{\"text\": \"a\"} trailing",
                "[" .repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000)));
        jsonBodies.add("{\"texts\": [" + "\"\",".repeat(100_000) + "\"\"]}");
        for (String body : jsonBodies) {
            for (String path : List.of("/sentiment", "/api/v1/sentiment", "/api/v1/sentiment/reviews")) {
                cases.add(new Case("POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8)));
            }
        }
        for (String body : jsonBodies) {
            for (String path : List.of("/api/v1/catalog/products", "/api/v1/interactions")) {
                cases.add(new Case("POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8)));
            }
            cases.add(new Case("PUT", "/api/v1/users/C1/preferences", "application/json", body.getBytes(StandardCharsets.UTF_8)));
        }
        for (String body : List.of("[{\"productId\": \"p\", \"name\": \"n\", \"category\": \"c\", \"subCategory\": \"s\", "
                        + "\"price\": 1e309}]", "[{\"productId\": \"' OR 1=1 --\", \"name\": \"n\", \"category\": \"c\", "
                        + "\"subCategory\": \"s\", \"price\": -1}]", "[{\"productId\": \"p\", \"price\": \"free\"}]",
                "[{\"productId\": \"p\", \"name\": \"n\", \"category\": \"c\", \"subCategory\": \"s\", \"price\": 1, "
                        + "\"attributes\": {\"a\": {\"b\": 1}}}]")) {
            cases.add(new Case("POST", "/api/v1/catalog/products", "application/json", body.getBytes(StandardCharsets.UTF_8)));
        }
        for (String body : List.of("[{\"userId\": \"u\", \"productId\": \"p\", \"kind\": \"purchase\", \"occurredAt\": "
                        + "\"9999-12-31T00:00:00Z\"}]", "[{\"userId\": \"u\", \"productId\": \"p\", \"kind\": \"rating\", "
                        + "\"rating\": 99}]", "[{\"userId\": \"u\", \"productId\": \"p\", \"kind\": \"view\", \"quantity\": -5}]",
                "{\"categories\": \"Shoes\"}", "{\"minPrice\": \"cheap\"}")) {
            cases.add(new Case("POST", "/api/v1/interactions", "application/json", body.getBytes(StandardCharsets.UTF_8)));
            cases.add(new Case("PUT", "/api/v1/users/C1/preferences", "application/json", body.getBytes(StandardCharsets.UTF_8)));
        }
        for (String value : List.of("", "July", "' OR 1=1 --", "9999-99-99", "2011-09-01&end=2001-01-01")) {
            cases.add(new Case("POST", "/api/v1/recommender/evaluations?cut=" + q(value), null, null));
        }
        // PostgreSQL text and jsonb cannot hold a NUL character: in an id, a name or an attribute it is bad input
        for (String body : List.of("[{\"reviewId\": \"r\\u0000\", \"productId\": \"p\", \"text\": \"Nice.\"}]",
                "[{\"reviewId\": \"r\", \"productId\": \"p\\u0000\", \"customerId\": \"c\", \"text\": \"Nice.\"}]",
                "[{\"reviewId\": \"r\", \"productId\": \"p\", \"customerId\": \"c\\u0000\", \"text\": \"Nice.\"}]",
                "[{\"reviewId\": \"r\\ud800\", \"productId\": \"p\", \"text\": \"Nice.\"}]")) {
            cases.add(new Case("POST", "/api/v1/sentiment/reviews", "application/json", body.getBytes(StandardCharsets.UTF_8)));
        }
        for (String body : List.of("[{\"userId\": \"u\\u0000\", \"productId\": \"p\", \"kind\": \"view\"}]",
                "[{\"userId\": \"u\", \"productId\": \"p\\u0000\", \"kind\": \"view\"}]",
                "[{\"userId\": \"u\\udc00\", \"productId\": \"p\", \"kind\": \"view\"}]")) {
            cases.add(new Case("POST", "/api/v1/interactions", "application/json", body.getBytes(StandardCharsets.UTF_8)));
        }
        for (String body : List.of("[{\"productId\": \"p\", \"name\": \"n\", \"category\": \"c\", \"subCategory\": \"s\", "
                        + "\"price\": 1, \"attributes\": {\"colour\": \"red\\u0000\"}}]",
                "[{\"productId\": \"p\", \"name\": \"n\", \"category\": \"c\", \"subCategory\": \"s\", \"price\": 1, "
                        + "\"attributes\": {\"col\\u0000our\": \"red\"}}]")) {
            cases.add(new Case("POST", "/api/v1/catalog/products", "application/json", body.getBytes(StandardCharsets.UTF_8)));
        }
        cases.add(new Case("PUT", "/api/v1/users/C1/preferences", "application/json",
                "{\"categories\": [\"Shoes\\u0000\"]}".getBytes(StandardCharsets.UTF_8)));
        cases.add(multipart("review_id,product_id,customer_id,text\nr\u0000,p1,c1,Nice.\n".getBytes(StandardCharsets.UTF_8)));
        cases.add(multipart("/api/v1/catalog/imports", ("product_id,name,category,sub_category,price\n"
                + "p\u0000,n,c,s,1\n").getBytes(StandardCharsets.UTF_8), null));
        for (String body : List.of("[{\"reviewId\": {\"a\": 1}}]", "[{\"reviewId\": \"r\", \"rating\": 1e309}]",
                "[{\"reviewId\": \"r\", \"rating\": \"NaN\"}]", "[{\"reviewId\": \"r\", \"productId\": \"p\", \"text\": \"t\", "
                        + "\"createdAt\": \"' OR 1=1 --\"}]", "[null]", "[1]", "[[]]", "{}")) {
            cases.add(new Case("POST", "/api/v1/sentiment/reviews", "application/json", body.getBytes(StandardCharsets.UTF_8)));
        }
        byte[] invalidUtf8 = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'};
        cases.add(new Case("POST", "/sentiment", "application/json", invalidUtf8));
        cases.add(new Case("POST", "/sentiment", "application/json", new byte[20 * 1024 * 1024]));
        cases.add(new Case("POST", "/sentiment", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)));
        cases.add(new Case("POST", "/sentiment", "application/xml", "<text>hi</text>".getBytes(StandardCharsets.UTF_8)));
        cases.add(new Case("GET", "/sentiment", null, null));
        cases.add(new Case("DELETE", "/api/v1/sentiment/reviews", null, null));
        cases.add(new Case("DELETE", "/api/v1/personal-data/" + "x".repeat(300), null, null));
        cases.add(new Case("DELETE", "/api/v1/personal-data/a%00b", null, null));
        cases.add(new Case("DELETE", "/api/v1/personal-data/%ED%A0%80", null, null));
        cases.add(new Case("PUT", "/analytics/sales", "application/json", "{}".getBytes(StandardCharsets.UTF_8)));
        for (String csv : List.of("review_id,product_id,text\nr1,p1,\"never closed\n", "no,header,names\n1,2,3\n",
                "\uFEFF", "", "review_id,product_id,text\n" + "r,p,\"" + "x".repeat(60_000) + "\"\n")) {
            cases.add(multipart(csv.getBytes(StandardCharsets.UTF_8)));
        }
        cases.add(multipart(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, 2, 3}));
        // order and catalog imports: files none of whose rows may be stored, mappings that name nothing real
        String orderHeader = "order_id,order_date,customer_id,customer_name,state,city,product_id,product_name,category,"
                + "sub_category,quantity,amount,profit,payment_mode\n";
        for (String csv : List.of(orderHeader + "B-1,9999-99-99,C1,A,Goa,Panaji,P1,N,Books,Novels,1,10.00,1.00,UPI\n",
                orderHeader + "B-1,2024-01-01,C1,A,Goa,Panaji,P1,N,Books,Novels,-5,1e309,x,UPI\n",
                orderHeader + "B-1,2024-01-01,C1,\"never closed\n", "no,header,names\n1,2,3\n", "\uFEFF", "",
                orderHeader + "'; DROP TABLE analytics.orders; --,2024-01-01,,,,,,,,,abc,,,\n")) {
            cases.add(multipart("/api/v1/analytics/imports/order-lines", csv.getBytes(StandardCharsets.UTF_8), null));
            // an order file sent to the catalog is refused as such (its product columns would read as products)
            cases.add(multipart("/api/v1/catalog/imports", csv.getBytes(StandardCharsets.UTF_8), null));
        }
        cases.add(multipart("/api/v1/analytics/imports/order-lines", new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1}, null));
        for (String mapping : List.of("{", "[]", "{\"order_id\": 5}", "{\"no_such_field\": \"x\"}",
                "{\"order_id\": \"\"}", "{\"order_id\": \"' OR 1=1 --\"}")) {
            cases.add(multipart("/api/v1/analytics/imports/order-lines", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), mapping));
        }
        cases.add(multipart("/api/v1/analytics/imports/seed", "order_id\n".getBytes(StandardCharsets.UTF_8), null));
        cases.add(multipart("/api/v1/analytics/imports/../../q/health", "x".getBytes(StandardCharsets.UTF_8), null));
        for (String body : jsonBodies) {
            cases.add(new Case("POST", "/api/v1/analytics/imports/order-lines", "application/json", body.getBytes(StandardCharsets.UTF_8)));
        }
        for (String value : HOSTILE) {
            String v = q(value).replace("+", "%20");
            if (!v.isEmpty()) cases.add(new Case("GET", "/api/v1/analytics/imports/" + v, null, null));
        }
        cases.add(new Case("POST", "/api/v1/sentiment/reviews/imports", "multipart/form-data; boundary=x",
                "--x\r\nbroken".getBytes(StandardCharsets.UTF_8)));
        cases.add(new Case("POST", "/api/v1/sentiment/reviews/imports", "multipart/form-data",
                "no boundary".getBytes(StandardCharsets.UTF_8)));
        return cases;
    }

    private static Case multipart(byte[] file) {
        return multipart("/api/v1/sentiment/reviews/imports", file, null);
    }

    /** A multipart upload of {@code file} as part "file", with a "mapping" part when given. */
    private static Case multipart(String path, byte[] file, String mapping) {
        String boundary = "hostileBoundary";
        String mappingPart = mapping == null ? "" : "--" + boundary + "\r\nContent-Disposition: form-data; name=\"mapping\""
                + "\r\n\r\n" + mapping + "\r\n";
        byte[] head = (mappingPart + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(file, 0, body, head.length, file.length);
        System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
        return new Case("POST", path, "multipart/form-data; boundary=" + boundary, body);
    }

    private static HttpResponse<String> send(Case c) throws Exception {
        return sendAs(c, Suite.ADMIN_KEY);
    }

    /** {@code key} null: no Authorization header. */
    private static HttpResponse<String> sendAs(Case c, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(suite.url("gateway") + c.path()))
                .timeout(Duration.ofSeconds(30));
        if (c.contentType() != null) b.header("Content-Type", c.contentType());
        if (key != null) b.header("Authorization", "Bearer " + key);
        b.method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Accepted uploads are imported after the answer: what they store shows only when their jobs end. */
    private static void awaitImportsFinished() throws Exception {
        List<String> lists = List.of("/api/v1/analytics/imports?limit=100", "/api/v1/catalog/imports",
                "/api/v1/sentiment/reviews/imports");
        for (int i = 0; i < 240; i++) {
            boolean busy = false;
            for (String list : lists) {
                String body = send(new Case("GET", list, null, null)).body();
                busy |= body.contains("\"queued\"") || body.contains("\"running\"");
            }
            if (!busy) return;
            Thread.sleep(250);
        }
        throw new AssertionError("hostile imports still running after a minute");
    }

    /** What is stored: reviews, models, import jobs that stored rows, the analytics data version, the catalog. */
    private static String fingerprint() throws Exception {
        return String.join("|",
                send(new Case("GET", "/api/v1/sentiment/reviews?limit=1000", null, null)).body(),
                send(new Case("GET", "/api/v1/catalog/products?limit=1000", null, null)).body(),
                send(new Case("GET", "/api/v1/users/C1/preferences", null, null)).body(),
                send(new Case("GET", "/api/v1/sentiment/models", null, null)).body(),
                send(new Case("GET", "/api/v1/analytics/sales/dimensions", null, null)).body());
    }

    @Test
    void noHostileRequestGetsA5xxAStackTraceOrChangesStoredData() throws Exception {
        String before = fingerprint();
        List<Case> cases = corpus();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            HttpResponse<String> r;
            try {
                r = send(c);
            } catch (java.io.IOException e) {
                // a request line over the codec's 4,096 bytes may be refused by closing the connection
                // instead of a 414; either way no application code ran
                if (c.path().length() <= 4096) failures.add(c + " -> connection failed: " + e.getMessage());
                else statuses.merge(0, 1, Integer::sum);
                continue;
            }
            statuses.merge(r.statusCode(), 1, Integer::sum);
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (r.statusCode() >= 500) failures.add(c + " -> " + r.statusCode() + " " + r.body());
            else if (r.statusCode() == 414 && r.body().isEmpty()) {
                // a request line over the limit (4,096 bytes) is refused by the HTTP codec before any
                // application code runs, so it has no problem body; nothing reaches the services
                continue;
            } else if (r.statusCode() >= 400 && !type.startsWith("application/problem+json")) {
                failures.add(c + " -> " + r.statusCode() + " as " + type + ": " + r.body());
            }
            if (r.body().contains("Exception") || r.body().contains("\tat ") || r.body().contains("io.storefront.")) {
                failures.add(c + " -> leaks internals: " + r.body());
            }
        }
        System.out.printf("hostile input: %d requests, statuses %s (0: connection closed by the HTTP codec), %d failures%n",
                cases.size(), statuses, failures.size());
        assertTrue(failures.isEmpty(), failures.size() + " of " + cases.size() + " hostile requests failed:\n"
                + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
        awaitImportsFinished();
        assertEquals(before, fingerprint(), "hostile requests changed stored data");
    }

    /**
     * A request's own path never becomes a metric label: an id in the path of a refused, unknown or malformed
     * request would otherwise add a time series (12 buckets and more) to the gateway and to Prometheus per request,
     * an unbounded cost anyone could run up without a key.
     */
    @Test
    void requestPathsNeverBecomeMetricLabels() throws Exception {
        String token = "zqx" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String forged = "sfk_forged_" + "B".repeat(43);
        List<String> paths = List.of("/api/v1/recommendations/users/" + token, "/api/v1/catalog/products/" + token,
                "/api/v1/sentiment/reviews/" + token, "/api/v1/analytics/customers/profiles/" + token,
                "/api/v1/" + token, "/api/v1/analytics/sales/" + token, "/" + token, "/q/" + token,
                "/api/v1/recommendations/products/" + token + "/similar", "/api/v1/catalog/products/" + token + "%00",
                "/api/v1/catalog/imports/" + token, "/api/v1/users/" + token + "/preferences",
                "/api/v1/analytics/imports/" + token, "/api/v1/sentiment/reviews/imports/" + token);
        for (String path : paths) {
            for (String key : java.util.Arrays.asList(null, forged, Suite.ADMIN_KEY)) {
                for (String method : List.of("GET", "POST", "DELETE")) {
                    sendAs(new Case(method, path, method.equals("POST") ? "application/json" : null,
                            method.equals("POST") ? "{}".getBytes(StandardCharsets.UTF_8) : null), key);
                }
            }
        }
        List<String> leaked = new ArrayList<>();
        for (Suite.Service s : Suite.SERVICES) {
            HttpResponse<String> metrics = sendAs(new Case("GET", "/q/metrics", null, null), null);
            if (!s.name().equals("gateway")) {
                metrics = http.send(HttpRequest.newBuilder(URI.create(suite.url(s.name()) + "/q/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
            for (String line : metrics.body().split("\n")) {
                if (line.contains(token)) leaked.add(s.name() + ": " + line);
            }
        }
        assertTrue(leaked.isEmpty(), leaked.size() + " series name a request's path:\n"
                + String.join("\n", leaked.subList(0, Math.min(20, leaked.size()))));
    }

    /**
     * Every operation of the gateway's public OpenAPI answers 401 problem+json without a key and with a
     * made-up key, before reaching any service; the key presented is never echoed back.
     */
    @Test
    void everyPublicRouteNeedsAValidKey() throws Exception {
        String openapi = sendAs(new Case("GET", "/q/openapi?format=json", null, null), null).body();
        Map<String, Map<String, Object>> paths = io.restassured.path.json.JsonPath.from(openapi).getMap("paths");
        int checked = 0;
        List<String> failures = new ArrayList<>();
        String madeUp = "sfk_forged_" + "A".repeat(43);
        for (var path : paths.entrySet()) {
            String concrete = path.getKey().replaceAll("\\{[^}]+}", "x");
            for (String method : path.getValue().keySet()) {
                String m = method.toUpperCase(java.util.Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "DELETE").contains(m)) continue;
                byte[] body = m.equals("GET") || m.equals("DELETE") ? null : "{}".getBytes(StandardCharsets.UTF_8);
                for (String key : java.util.Arrays.asList(null, madeUp)) {
                    HttpResponse<String> r = sendAs(new Case(m, concrete, body == null ? null : "application/json", body), key);
                    checked++;
                    if (r.statusCode() != 401 || !r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                            || r.body().contains(madeUp)) {
                        failures.add(m + " " + concrete + (key == null ? " without a key" : " with a made-up key") + " -> "
                                + r.statusCode() + " " + r.body());
                    }
                }
            }
        }
        System.out.printf("authentication: %d requests over %d public paths without a valid key, %d failures%n", checked,
                paths.size(), failures.size());
        assertTrue(paths.size() >= 30, "the public API lists " + paths.size() + " paths");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        // keys are never written to the logs, neither valid ones nor made-up ones
        String log = java.nio.file.Files.readString(java.nio.file.Path.of("target", "suite-logs", "gateway.log"));
        assertTrue(log.contains("e2e-admin") || !log.isEmpty(), "the gateway log is there");
        assertTrue(!log.contains(Suite.ADMIN_KEY) && !log.contains(madeUp), "an API key appears in the gateway log");
    }

    /** Spreadsheet formulas in a review are text: stored and returned as sent, never evaluated or altered. */
    @Test
    void formulaInjectionInACsvIsStoredAsPlainText() throws Exception {
        String formula = "=HYPERLINK(\"http://127.0.0.1/x\",\"click\")";
        String csv = "review_id,product_id,text\nformula-1,P-formula,\"" + formula.replace("\"", "\"\"") + "\"\n"
                + "formula-2,P-formula,+cmd|' /C calc'!A0\n";
        HttpResponse<String> accepted = send(multipart(csv.getBytes(StandardCharsets.UTF_8)));
        assertEquals(202, accepted.statusCode(), accepted.body());
        String location = accepted.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        String job = "";
        for (int i = 0; i < 200 && !job.contains("\"succeeded\"") && !job.contains("\"failed\""); i++) {
            Thread.sleep(100);
            job = send(new Case("GET", location, null, null)).body();
        }
        assertTrue(job.contains("\"status\":\"succeeded\""), job);
        String review = send(new Case("GET", "/api/v1/sentiment/reviews/formula-1", null, null)).body();
        assertTrue(review.contains("\"text\":\"=HYPERLINK(\\\"http://127.0.0.1/x\\\",\\\"click\\\")\""), review);
        assertTrue(send(new Case("GET", "/api/v1/sentiment/reviews/formula-2", null, null)).body()
                .contains("+cmd|' /C calc'!A0"));
    }
}
