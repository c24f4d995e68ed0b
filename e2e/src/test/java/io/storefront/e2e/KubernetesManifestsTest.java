package io.storefront.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No cluster runs where we build, so the kustomize files under k8s/ are read with a YAML parser and
 * checked against each service's application.properties: a wrong port, variable name or probe path
 * must fail here.
 */
class KubernetesManifestsTest {

    private static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
    private static final Path BASE = ROOT.resolve("k8s/base");
    private static final Set<String> STATELESS = Set.of("gateway", "recommender", "sentiment");

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents(Path file) throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file)) {
            for (Object doc : new Yaml().loadAll(r)) if (doc != null) docs.add((Map<String, Object>) doc);
        }
        return docs;
    }

    /** Every object of a kustomization, following directory resources (not applying patches or generators). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> objects(Path dir) throws IOException {
        Map<String, Object> kustomization = documents(dir.resolve("kustomization.yaml")).getFirst();
        List<Map<String, Object>> all = new ArrayList<>();
        for (String resource : (List<String>) kustomization.getOrDefault("resources", List.of())) {
            Path path = dir.resolve(resource).normalize();
            assertTrue(Files.exists(path), dir + " lists " + resource + ", which does not exist");
            all.addAll(Files.isDirectory(path) ? objects(path) : documents(path));
        }
        return all;
    }

    private static Map<String, Object> find(List<Map<String, Object>> objects, String kind, String name) {
        return objects.stream().filter(o -> kind.equals(o.get("kind")) && name.equals(meta(o).get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> meta(Map<String, Object> o) {
        return (Map<String, Object>) o.get("metadata");
    }

    @SuppressWarnings("unchecked")
    private static Object at(Object node, String... path) {
        Object current = node;
        for (String step : path) {
            if (current instanceof List<?> list) current = list.get(Integer.parseInt(step));
            else current = ((Map<String, Object>) current).get(step);
            if (current == null) return null;
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(Map<String, Object> deployment) {
        return (Map<String, Object>) at(deployment, "spec", "template", "spec", "containers", "0");
    }

    @Test
    void everyFileOfTheBaseIsListedAndNoSecretIsInIt() throws IOException {
        Map<String, Object> kustomization = documents(BASE.resolve("kustomization.yaml")).getFirst();
        Set<String> listed = new HashSet<>((List<String>) kustomization.get("resources"));
        try (Stream<Path> files = Files.list(BASE)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml"))
                    .forEach(n -> assertTrue(listed.contains(n), n + " is not in the base kustomization"));
        }
        for (Map<String, Object> o : objects(BASE)) {
            assertFalse("Secret".equals(o.get("kind")), "the base must not hold a Secret: " + meta(o).get("name"));
        }
        assertFalse(kustomization.containsKey("secretGenerator"), "the base must not generate secrets");
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachServiceRunsOnItsPortWithItsVariablesProbesResourcesAndNonRoot() throws IOException {
        List<Map<String, Object>> base = objects(BASE);
        for (Suite.Service s : Suite.SERVICES) {
            Properties props = ServiceConfigs.properties(s.module());
            int port = Integer.parseInt(props.getProperty("quarkus.http.port"));
            Map<String, Object> deployment = find(base, "Deployment", s.name());
            Map<String, Object> c = container(deployment);

            String image = (String) c.get("image");
            assertTrue(image.contains(":") && !image.endsWith(":latest"), s.name() + " image needs a version tag: " + image);
            assertEquals(port, at(c, "ports", "0", "containerPort"), s.name() + " containerPort");

            Set<String> env = new HashSet<>();
            for (Map<String, Object> e : (List<Map<String, Object>>) c.get("env")) env.add((String) e.get("name"));
            assertTrue(env.contains("QUARKUS_HTTP_PORT"), s.name());
            for (String variable : ServiceConfigs.requiredProdVariables(props)) {
                assertTrue(env.contains(variable), s.name() + " needs " + variable + " in prod");
            }
            String portEnv = ((List<Map<String, Object>>) c.get("env")).stream()
                    .filter(e -> e.get("name").equals("QUARKUS_HTTP_PORT")).findFirst().orElseThrow().get("value").toString();
            assertEquals(String.valueOf(port), portEnv, s.name() + " QUARKUS_HTTP_PORT");

            assertEquals("/q/health/started", at(c, "startupProbe", "httpGet", "path"), s.name());
            assertEquals("/q/health/live", at(c, "livenessProbe", "httpGet", "path"), s.name());
            assertEquals("/q/health/ready", at(c, "readinessProbe", "httpGet", "path"), s.name());
            assertEquals("http", at(c, "readinessProbe", "httpGet", "port"), s.name() + " probes use the named port");
            assertEquals("http", at(c, "ports", "0", "name"), s.name());

            for (String kind : List.of("requests", "limits")) {
                assertNotNull(at(c, "resources", kind, "cpu"), s.name() + " " + kind + " cpu");
                assertNotNull(at(c, "resources", kind, "memory"), s.name() + " " + kind + " memory");
            }
            assertEquals(Boolean.TRUE, at(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot"));
            assertEquals(Boolean.TRUE, at(c, "securityContext", "readOnlyRootFilesystem"), s.name());
            assertEquals(Boolean.FALSE, at(c, "securityContext", "allowPrivilegeEscalation"), s.name());

            Map<String, Object> service = find(base, "Service", s.name());
            assertEquals(port, at(service, "spec", "ports", "0", "port"), s.name() + " Service port");
            assertEquals("http", at(service, "spec", "ports", "0", "targetPort"), s.name());
            assertEquals(s.name(), at(service, "spec", "selector", "app.kubernetes.io/name"));

            find(base, "PodDisruptionBudget", s.name());
            if (STATELESS.contains(s.name())) {
                assertEquals(s.name(), at(find(base, "HorizontalPodAutoscaler", s.name()), "spec", "scaleTargetRef", "name"));
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void networkPoliciesLetOnlyTheIngressReachTheGatewayAndOnlyCallersReachTheServices() throws IOException {
        List<Map<String, Object>> base = objects(BASE);
        Map<String, Object> deny = find(base, "NetworkPolicy", "default-deny-ingress");
        assertEquals(Map.of(), at(deny, "spec", "podSelector"));
        Map<String, Set<String>> allowed = Map.of("analytics", Set.of("gateway", "recommender"),
                "recommender", Set.of("gateway"), "sentiment", Set.of("gateway", "recommender"));
        for (Suite.Service s : Suite.SERVICES) {
            Map<String, Object> policy = find(base, "NetworkPolicy", s.name());
            assertEquals(s.name(), at(policy, "spec", "podSelector", "matchLabels", "app.kubernetes.io/name"));
            String port = ServiceConfigs.properties(s.module()).getProperty("quarkus.http.port");
            assertEquals(Integer.parseInt(port), at(policy, "spec", "ingress", "0", "ports", "0", "port"), s.name());
            List<Map<String, Object>> from = (List<Map<String, Object>>) at(policy, "spec", "ingress", "0", "from");
            if (s.name().equals("gateway")) {
                assertNotNull(at(from.getFirst(), "namespaceSelector"), "the gateway is reached from the ingress controller");
            } else {
                Set<String> callers = new HashSet<>();
                for (Map<String, Object> f : from) {
                    assertNotNull(f.get("podSelector"), s.name() + " is reached only from pods of the suite");
                    callers.add((String) at(f, "podSelector", "matchLabels", "app.kubernetes.io/name"));
                }
                assertEquals(allowed.get(s.name()), callers, s.name());
            }
        }
        Map<String, Object> ingress = find(base, "Ingress", "gateway");
        assertEquals("gateway", at(ingress, "spec", "rules", "0", "http", "paths", "0", "backend", "service", "name"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDevOverlayBringsPostgresAndEverySecretKeyTheBaseReads() throws IOException {
        Path dev = ROOT.resolve("k8s/overlays/dev");
        List<Map<String, Object>> objects = objects(dev);
        Map<String, Object> postgres = find(objects, "StatefulSet", "postgres");
        assertNotNull(at(postgres, "spec", "volumeClaimTemplates", "0"), "the database keeps its data on a volume");
        Map<String, Object> init = documents(ROOT.resolve("docker/postgres/kustomization.yaml")).getFirst();
        assertTrue(String.valueOf(init.get("configMapGenerator")).contains("postgres-init"),
                "the dev database is initialised by the same scripts as docker compose");
        Set<String> generated = new HashSet<>();
        Map<String, Object> kustomization = documents(dev.resolve("kustomization.yaml")).getFirst();
        Set<String> secrets = new HashSet<>();
        for (Map<String, Object> gen : (List<Map<String, Object>>) kustomization.get("secretGenerator")) {
            secrets.add((String) gen.get("name"));
            if (!"storefront-db".equals(gen.get("name"))) continue;
            for (String literal : (List<String>) gen.get("literals")) generated.add(literal.substring(0, literal.indexOf('=')));
        }
        assertEquals(Set.of("storefront-db", "storefront-api-keys"), secrets);
        for (Map<String, Object> o : objects) {
            if (!"Deployment".equals(o.get("kind")) && !"StatefulSet".equals(o.get("kind"))) continue;
            for (Map<String, Object> e : (List<Map<String, Object>>) container(o).get("env")) {
                Object key = at(e, "valueFrom", "secretKeyRef", "key");
                if (key != null) assertTrue(generated.contains(key), meta(o).get("name") + " reads secret key " + key);
            }
            Object volumes = at(o, "spec", "template", "spec", "volumes");
            for (Map<String, Object> v : volumes == null ? List.<Map<String, Object>>of() : (List<Map<String, Object>>) volumes) {
                Object secret = at(v, "secret", "secretName");
                if (secret != null) assertTrue(secrets.contains(secret), meta(o).get("name") + " mounts secret " + secret);
            }
        }
        // the gateway reads its API keys from the mounted Secret
        Map<String, Object> gateway = find(objects, "Deployment", "gateway");
        String keysFile = ((List<Map<String, Object>>) container(gateway).get("env")).stream()
                .filter(e -> "GATEWAY_KEYS_FILE".equals(e.get("name"))).map(e -> (String) e.get("value")).findFirst().orElseThrow();
        String mount = ((List<Map<String, Object>>) container(gateway).get("volumeMounts")).stream()
                .filter(m -> "api-keys".equals(m.get("name"))).map(m -> (String) m.get("mountPath")).findFirst().orElseThrow();
        assertTrue(keysFile.startsWith(mount + "/"), keysFile + " is in the mounted Secret " + mount);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theProdOverlayHasNoSecretsAndMoreReplicas() throws IOException {
        Path prod = ROOT.resolve("k8s/overlays/prod");
        Map<String, Object> kustomization = documents(prod.resolve("kustomization.yaml")).getFirst();
        assertFalse(kustomization.containsKey("secretGenerator"), "production secrets are created outside the repository");
        objects(prod).forEach(o -> assertFalse("Secret".equals(o.get("kind")), "no Secret in the prod overlay"));
        Map<String, Object> template = documents(prod.resolve("storefront-db.secret.template.yaml")).getFirst();
        assertEquals("storefront-db", meta(template).get("name"));
        ((Map<String, Object>) template.get("stringData")).values()
                .forEach(v -> assertEquals("<set me>", v, "the template holds placeholders only"));
        assertFalse(String.valueOf(kustomization.get("resources")).contains("template"), "the template is not applied");
        String patches = String.valueOf(kustomization.get("patches"));
        assertTrue(patches.contains("minReplicas") && patches.contains("value: 3"), "stateless services run 3+ replicas");
        assertTrue(patches.contains("/data/DB_URL"), "prod points the services at an external database");
    }

    /**
     * Where kubectl is installed (.ci/run installs it), each overlay is rendered as the cluster would
     * receive it: generated names (with their hashes) must resolve, selectors must find their pods.
     */
    @Test
    @SuppressWarnings("unchecked")
    void renderedOverlaysResolveEverySecretConfigMapAndSelector() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(kubectl(), "kubectl is not installed");
        for (String overlay : List.of("dev", "prod")) {
            Process p = new ProcessBuilder("kubectl", "kustomize", ROOT.resolve("k8s/overlays/" + overlay).toString())
                    .redirectErrorStream(true).start();
            String rendered = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), overlay + ": " + rendered);
            List<Map<String, Object>> objects = new ArrayList<>();
            for (Object doc : new Yaml().loadAll(rendered)) if (doc != null) objects.add((Map<String, Object>) doc);
            Set<String> names = new HashSet<>();
            for (Map<String, Object> o : objects) names.add(o.get("kind") + "/" + meta(o).get("name"));
            for (Map<String, Object> o : objects) {
                if (!"Deployment".equals(o.get("kind")) && !"StatefulSet".equals(o.get("kind"))) continue;
                for (Map<String, Object> e : (List<Map<String, Object>>) container(o).get("env")) {
                    Object secret = at(e, "valueFrom", "secretKeyRef", "name");
                    Object config = at(e, "valueFrom", "configMapKeyRef", "name");
                    if (secret != null && overlay.equals("dev")) {
                        assertTrue(names.contains("Secret/" + secret), overlay + ": no Secret " + secret);
                    }
                    if (config != null) assertTrue(names.contains("ConfigMap/" + config), overlay + ": no ConfigMap " + config);
                }
            }
            for (Map<String, Object> service : objects.stream().filter(o -> "Service".equals(o.get("kind"))).toList()) {
                Object app = at(service, "spec", "selector", "app.kubernetes.io/name");
                boolean selects = objects.stream().anyMatch(o -> ("Deployment".equals(o.get("kind"))
                        || "StatefulSet".equals(o.get("kind")))
                        && app.equals(at(o, "spec", "template", "metadata", "labels", "app.kubernetes.io/name")));
                assertTrue(selects, overlay + ": Service " + meta(service).get("name") + " selects no pods");
            }
            int minReplicas = overlay.equals("prod") ? 3 : 1;
            objects.stream().filter(o -> "HorizontalPodAutoscaler".equals(o.get("kind")))
                    .forEach(h -> assertEquals(minReplicas, at(h, "spec", "minReplicas"), overlay + " " + meta(h).get("name")));
        }
    }

    private static boolean kubectl() {
        try {
            return new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
