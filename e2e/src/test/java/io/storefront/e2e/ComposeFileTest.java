package io.storefront.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs where we build, so docker-compose.yml is checked by reading it against
 * each service's application.properties: a wrong port or variable name must fail here.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        try (Reader r = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            return new Yaml().load(r);
        }
    }

    private static Properties properties(String module) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(ROOT.resolve(module).resolve("src/main/resources/application.properties"))) {
            p.load(r);
        }
        return p;
    }

    /** Variables the prod profile of a service needs: ${NAME} without a default in a %prod. key. */
    private static Set<String> requiredProdVariables(Properties p) {
        Set<String> names = new HashSet<>();
        for (String key : p.stringPropertyNames()) {
            if (!key.startsWith("%prod.")) continue;
            Matcher m = ENV_REFERENCE.matcher(p.getProperty(key));
            while (m.find()) {
                if (m.group(2) == null) names.add(m.group(1));
            }
        }
        return names;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceGetsItsPortAndTheVariablesItsProdProfileNeeds() throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        for (Suite.Service s : Suite.SERVICES) {
            Map<String, Object> service = (Map<String, Object>) services.get(s.name());
            assertNotNull(service, s.name() + " is missing from docker-compose.yml");
            Map<String, Object> env = (Map<String, Object>) service.get("environment");
            Properties props = properties(s.module());
            assertEquals(props.getProperty("quarkus.http.port"), String.valueOf(env.get("QUARKUS_HTTP_PORT")),
                    s.name() + " port");
            for (String variable : requiredProdVariables(props)) {
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
        String analyticsPort = properties("analytics-service").getProperty("quarkus.http.port");
        assertEquals("http://analytics:" + analyticsPort, gatewayEnv.get("ANALYTICS_URL"));
        String sentimentPort = properties("sentiment-service").getProperty("quarkus.http.port");
        assertEquals("http://sentiment:" + sentimentPort, gatewayEnv.get("SENTIMENT_URL"));
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
}
