package io.storefront.e2e;

import io.storefront.testsupport.TestDatabase;
import io.storefront.testsupport.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The four services started from their packaged jars, as {@code bin/run-local} starts them, on free
 * ports, against one fresh database. Logs go to {@code e2e/target/suite-logs}.
 */
final class Suite implements AutoCloseable {

    record Service(String name, String module, String envPrefix, boolean hasDatabase) {
    }

    static final List<Service> SERVICES = List.of(
            new Service("analytics", "analytics-service", "ANALYTICS", true),
            new Service("recommender", "recommender-service", "RECOMMENDER", true),
            new Service("sentiment", "sentiment-service", "SENTIMENT", true),
            new Service("gateway", "gateway", null, false));

    /** The admin key of the suite's gateway (a test-only secret; its hash goes to a keys file in target/). */
    static final String ADMIN_KEY = "sfk_e2e-admin_suite-secret-for-tests-only";

    private final TestDatabase database;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, List<String>> commands = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Suite(TestDatabase database) {
        this.database = database;
    }

    static Suite start() {
        return start(TestPostgres.createDatabase("e2e"), Map.of());
    }

    /** The suite on that database, with {@code settings} added to every service's environment. */
    static Suite start(TestDatabase database, Map<String, String> settings) {
        Suite suite = new Suite(database);
        suite.settings.putAll(settings);
        try {
            suite.ports.putAll(distinctFreePorts(SERVICES.stream().map(Service::name).toList()));
            for (Service s : SERVICES) {
                suite.prepare(s);
                suite.launch(s.name());
            }
            for (Service s : SERVICES) {
                suite.awaitReady(s.name(), Duration.ofSeconds(90));
            }
            // a service that lost its port to another process exits after a neighbour has already answered for it
            sleep(1_000);
            for (Service s : SERVICES) {
                suite.awaitReady(s.name(), Duration.ofSeconds(5));
            }
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    private void prepare(Service s) {
        Path root = Path.of(System.getProperty("project.root", ".."));
        Path jar = root.resolve(s.module()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw verify builds them before e2e)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        commands.put(s.name(), List.of(java, "-Xmx384m", "-Djava.awt.headless=true", "-jar", jar.toString()));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(ports.get(s.name())));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        if (s.hasDatabase()) {
            env.put(s.envPrefix() + "_DB_URL", database.reactiveUrl());
            env.put(s.envPrefix() + "_DB_USER", database.server().user());
            // trust authentication ignores it, but the prod profile requires a password to be configured
            env.put(s.envPrefix() + "_DB_PASSWORD", database.server().password() == null ? "trust" : database.server().password());
        }
        if (s.name().equals("gateway") || s.name().equals("recommender")) {
            env.put("ANALYTICS_URL", url("analytics"));
            env.put("SENTIMENT_URL", url("sentiment"));
        }
        if (s.name().equals("gateway")) {
            env.put("RECOMMENDER_URL", url("recommender"));
            env.put("GATEWAY_KEYS_FILE", keysFile().toString());
        }
        env.putAll(settings);
        environments.put(s.name(), env);
    }

    private static Path keysFile() {
        try {
            Path file = Path.of("target", "suite-api-keys").toAbsolutePath();
            Files.createDirectories(file.getParent());
            String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(ADMIN_KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            // a high rate: the hostile-input corpus sends thousands of requests and must reach the services
            Files.writeString(file, "e2e-admin admin " + hash + " rate=100000 the suite's admin key\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every rest-assured request of the suite's tests sends the admin key unless it sets its own. */
    static void sendAdminKey() {
        io.restassured.RestAssured.filters((request, response, context) -> {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) request.header("Authorization", "Bearer " + ADMIN_KEY);
            return context.next(request, response);
        });
    }

    /** Starts (or restarts) one service with the command and environment prepared for it. */
    void launch(String service) {
        try {
            Path logs = Path.of("target", "suite-logs");
            Files.createDirectories(logs);
            ProcessBuilder pb = new ProcessBuilder(commands.get(service))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(service + ".log").toFile()));
            pb.environment().putAll(environments.get(service));
            processes.put(service, pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void stop(String service) {
        Process p = processes.remove(service);
        if (p == null) return;
        p.destroy();
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Freezes the service's process (SIGSTOP): it still accepts connections but answers nothing, as a hung service does. */
    void pause(String service) {
        signal(service, "-STOP");
    }

    void resume(String service) {
        signal(service, "-CONT");
    }

    private void signal(String service, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", signal, String.valueOf(processes.get(service).pid())).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " " + service + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void awaitReady(String service, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            Process p = processes.get(service);
            if (p != null && !p.isAlive()) {
                throw new IllegalStateException(service + " exited with " + p.exitValue() + "; see e2e/target/suite-logs/" + service + ".log");
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url(service) + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return;
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(service + " not ready within " + limit + ": " + last);
    }

    @Override
    public void close() {
        for (String name : new ArrayList<>(processes.keySet()).reversed()) {
            stop(name);
        }
        database.close();
    }

    /**
     * One free port per name, all different: the sockets stay open until every port is chosen, because a
     * port closed and asked for again can come back, and two services on one port leave one of them out
     * while the other answers its health checks (CI once saw every analytics route answer 404 that way).
     */
    private static Map<String, Integer> distinctFreePorts(List<String> names) {
        List<ServerSocket> held = new ArrayList<>();
        Map<String, Integer> ports = new LinkedHashMap<>();
        try {
            for (String name : names) {
                ServerSocket socket = new ServerSocket(0);
                held.add(socket);
                ports.put(name, socket.getLocalPort());
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port was only reserved for the choice
                }
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
