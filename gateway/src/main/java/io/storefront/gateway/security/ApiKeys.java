package io.storefront.gateway.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.storefront.gateway.config.GatewayConfig;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The API keys the gateway accepts, read from a file of hashed keys (one per line:
 * {@code id role sha256-hex [rate=N] name…}) that {@code bin/api-key} writes and a Kubernetes Secret
 * or compose secret mounts. The file is re-read when it changes, so a revoked key stops working within
 * {@code gateway.auth.reload} on every replica without a restart. Keys are random 256-bit secrets, so
 * a plain SHA-256 is enough to store them (no password hashing is needed against guessing).
 */
@ApplicationScoped
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);

    /** A key as the file describes it; {@code ratePerSecond} null means the configured default. */
    public record ApiKey(String id, Role role, String name, Double ratePerSecond) {
    }

    private final GatewayConfig config;
    private volatile Map<String, ApiKey> byHash = Map.of();
    private volatile FileTime loadedVersion;

    public ApiKeys(GatewayConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event, Vertx vertx) {
        if (!config.auth().enabled()) {
            if (LaunchMode.current() == LaunchMode.NORMAL) {
                throw new IllegalStateException("gateway.auth.enabled=false is not allowed in production: the public API "
                        + "would be open to anyone");
            }
            LOG.warn("API keys are switched off (gateway.auth.enabled=false): every route is open; development only");
            return;
        }
        reload();
        if (byHash.isEmpty() && LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException("No API key is configured: set GATEWAY_KEYS_FILE to a file written by "
                    + "bin/api-key (see README, Authentication); the gateway does not start without keys in production");
        }
        vertx.setPeriodic(config.auth().reload().toMillis(), id -> vertx.executeBlocking(() -> {
            reload();
            return null;
        }).subscribe().with(x -> { }, e -> LOG.warnf("Could not re-read the API keys: %s", e.getMessage())));
    }

    /** The key presented, or null when it is unknown or revoked. */
    public ApiKey find(String presented) {
        if (presented == null || presented.isBlank() || presented.length() > 200) return null;
        return byHash.get(sha256(presented.strip()));
    }

    public int size() {
        return byHash.size();
    }

    /** Re-reads the file when it changed; a file that cannot be read keeps the keys loaded before. */
    synchronized void reload() {
        Path file = config.auth().keysFile().orElse(null);
        if (file == null) {
            byHash = Map.of();
            return;
        }
        try {
            FileTime version = Files.getLastModifiedTime(file);
            if (version.equals(loadedVersion)) return;
            Map<String, ApiKey> keys = parse(Files.readAllLines(file, StandardCharsets.UTF_8));
            byHash = Map.copyOf(keys);
            loadedVersion = version;
            LOG.infof("%d API keys loaded from %s", keys.size(), file);
        } catch (IOException e) {
            LOG.warnf("Cannot read the API keys file %s (%s); keeping the %d keys loaded before", file, e.getMessage(),
                    byHash.size());
        }
    }

    /** Lines of the keys file by hash; malformed lines are skipped with a warning that names the line, never a secret. */
    static Map<String, ApiKey> parse(List<String> lines) {
        Map<String, ApiKey> keys = new HashMap<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] f = line.split("\\s+", 4);
            Role role = f.length >= 3 ? Role.parse(f[1]) : null;
            if (role == null || !f[2].matches("[0-9a-f]{64}")) {
                LOG.warnf("API keys file line %d is not 'id role sha256-hex [rate=N] name': skipped", n + 1);
                continue;
            }
            String rest = f.length > 3 ? f[3] : "";
            Double rate = null;
            if (rest.startsWith("rate=")) {
                String[] r = rest.split("\\s+", 2);
                try {
                    rate = Double.parseDouble(r[0].substring(5));
                } catch (NumberFormatException e) {
                    LOG.warnf("API keys file line %d has a bad rate: the default applies", n + 1);
                }
                rest = r.length > 1 ? r[1] : "";
            }
            keys.put(f[2], new ApiKey(f[0], role, rest, rate));
        }
        return keys;
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
