package io.storefront.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs where we build, so docker-compose.yml is checked by reading it against
 * each service's application.properties: a wrong port or variable name must fail here.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of(System.getProperty("project.root", ".."));

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        try (Reader r = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            return new Yaml().load(r);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceGetsItsPortAndTheVariablesItsProdProfileNeeds() throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        for (Suite.Service s : Suite.SERVICES) {
            Map<String, Object> service = (Map<String, Object>) services.get(s.name());
            assertNotNull(service, s.name() + " is missing from docker-compose.yml");
            Map<String, Object> env = (Map<String, Object>) service.get("environment");
            Properties props = ServiceConfigs.properties(s.module());
            assertEquals(props.getProperty("quarkus.http.port"), String.valueOf(env.get("QUARKUS_HTTP_PORT")),
                    s.name() + " port");
            for (String variable : ServiceConfigs.requiredProdVariables(props)) {
                assertTrue(env.containsKey(variable), s.name() + " needs " + variable + " in prod");
            }
            Map<String, Object> build = (Map<String, Object>) service.get("build");
            assertEquals(s.module(), ((Map<String, Object>) build.get("args")).get("MODULE"));
            String image = (String) service.get("image");
            assertFalse(image.endsWith(":latest") || !image.contains(":"), s.name() + " image must have a version tag");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGatewayReachesTheServicesOnTheirPortsAndIsTheOnlyPublishedOne() throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        Map<String, Object> gatewayEnv = (Map<String, Object>) ((Map<String, Object>) services.get("gateway")).get("environment");
        String analyticsPort = ServiceConfigs.properties("analytics-service").getProperty("quarkus.http.port");
        assertEquals("http://analytics:" + analyticsPort, gatewayEnv.get("ANALYTICS_URL"));
        String sentimentPort = ServiceConfigs.properties("sentiment-service").getProperty("quarkus.http.port");
        assertEquals("http://sentiment:" + sentimentPort, gatewayEnv.get("SENTIMENT_URL"));
        String recommenderPort = ServiceConfigs.properties("recommender-service").getProperty("quarkus.http.port");
        assertEquals("http://recommender:" + recommenderPort, gatewayEnv.get("RECOMMENDER_URL"));
        Map<String, Object> recommenderEnv = (Map<String, Object>) ((Map<String, Object>) services.get("recommender")).get("environment");
        assertEquals("http://analytics:" + analyticsPort, recommenderEnv.get("ANALYTICS_URL"), "the recommender reads the order feed");
        assertEquals("http://sentiment:" + sentimentPort, recommenderEnv.get("SENTIMENT_URL"), "and the sentiment feed");
        assertEquals("/run/secrets/api-keys", gatewayEnv.get("GATEWAY_KEYS_FILE"), "the gateway reads its API keys");
        Map<String, Object> secrets = (Map<String, Object>) compose().get("secrets");
        String keysFile = String.valueOf(((Map<String, Object>) secrets.get("api-keys")).get("file"));
        assertTrue(keysFile.contains("./docker/dev-api-keys"), keysFile);
        assertTrue(Files.readString(ROOT.resolve("docker/dev-api-keys")).contains("DEVELOPMENT DEFAULT"),
                "the compose default key file says it is a development default");
        for (Suite.Service s : Suite.SERVICES) {
            Object ports = ((Map<String, Object>) services.get(s.name())).get("ports");
            if (s.name().equals("gateway")) {
                assertEquals(List.of("8080:8080"), ports);
            } else {
                assertEquals(null, ports, s.name() + " must not be published");
            }
        }
    }

    @Test
    void theRuntimeImageHasFontsAndRunsAsNonRoot() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        String runtime = dockerfile.substring(dockerfile.lastIndexOf("FROM "));
        assertTrue(runtime.contains("fontconfig") && runtime.contains("fonts-dejavu-core"), "fonts for charts");
        assertTrue(runtime.contains("USER 10001"), "non-root user");
        assertTrue(runtime.contains("/q/health/ready"), "healthcheck");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aOneShotServiceLoadsTheSampleStoreOnceTheServicesAreHealthy() throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        Map<String, Object> sample = (Map<String, Object>) services.get("sample");
        assertNotNull(sample, "a one-shot sample loader");
        Map<String, Object> build = (Map<String, Object>) sample.get("build");
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertTrue(dockerfile.contains("AS " + build.get("target")), "the Dockerfile has the loader's stage");
        assertEquals("no", sample.get("restart"));
        Map<String, Object> dependsOn = (Map<String, Object>) sample.get("depends_on");
        for (String peer : List.of("analytics", "sentiment")) {
            assertEquals("service_healthy", ((Map<String, Object>) dependsOn.get(peer)).get("condition"), peer);
        }
        String command = String.valueOf(sample.get("command"));
        for (String peer : List.of("analytics", "sentiment")) {
            Suite.Service s = Suite.SERVICES.stream().filter(x -> x.name().equals(peer)).findFirst().orElseThrow();
            String port = ServiceConfigs.properties(s.module()).getProperty("quarkus.http.port");
            assertTrue(command.contains("http://" + peer + ":" + port), "the loader reaches " + peer + " on its port");
        }
        assertTrue(Files.isExecutable(ROOT.resolve("bin/load-sample")), "bin/load-sample is the loader's entry point");
    }
}
