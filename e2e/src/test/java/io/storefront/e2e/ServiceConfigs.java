package io.storefront.e2e;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Each service's application.properties, the source of truth the deployment files are checked against. */
final class ServiceConfigs {

    private static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

    private ServiceConfigs() {
    }

    static Properties properties(String module) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(ROOT.resolve(module).resolve("src/main/resources/application.properties"))) {
            p.load(r);
        }
        return p;
    }

    /** Variables the prod profile of a service needs: ${NAME} without a default in a %prod. key. */
    static Set<String> requiredProdVariables(Properties p) {
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
}
