package io.storefront.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium driven through its chromedriver, both from the machine (Debian's {@code chromium} and
 * {@code chromium-driver}, which {@code .ci/run} installs). Without them the browser tests are skipped
 * locally and fail in CI, where they must run.
 */
final class Chromium {

    private Chromium() {
    }

    static WebDriver start() {
        Optional<Path> browser = onPath(List.of("chromium", "chromium-browser", "google-chrome"));
        Optional<Path> driver = onPath(List.of("chromedriver"));
        if (browser.isEmpty() || driver.isEmpty()) {
            String missing = "chromium and chromedriver are needed (apt-get install chromium chromium-driver)";
            if ("true".equals(System.getenv("CI"))) throw new IllegalStateException(missing);
            Assumptions.abort(missing);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.get().toFile());
        // no sandbox: CI runs as root in a container; a fixed window so that the layout is the desktop one
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000", "--lang=en-GB");
        // the console's errors (failed requests, script errors) are read back by the tests
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile())
                .withLogFile(Path.of("target", "suite-logs", "chromedriver.log").toFile())
                .build();
        return new ChromeDriver(service, options);
    }

    /** What the page wrote to the console as errors since the last call (reading empties the log). */
    static List<String> consoleErrors(WebDriver browser) {
        return browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(org.openqa.selenium.logging.LogEntry::getMessage).toList();
    }

    private static Optional<Path> onPath(List<String> names) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            for (String name : names) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
