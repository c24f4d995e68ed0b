package io.storefront.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storefront.generator.StoreGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard as an analyst uses it, in a real headless Chromium against the four packaged services:
 * import files from the import page, see every chart, filter, score a review, look up a product's
 * reviews and a customer's recommendations, show and erase a customer's personal data, and with one service
 * stopped see only its panels fail.
 * The tests run in order on one page and one store; screenshots land in target/dashboard-screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardInChromiumTest {

    private static final int ORDER_LINES = 3_000;

    static Suite suite;
    static WebDriver browser;
    static Path store;

    @BeforeAll
    static void start() throws IOException {
        store = generateStore();
        suite = Suite.start();
        Suite.sendAdminKey();
        browser = Chromium.start();
        browser.get(suite.url("gateway") + "/");
        browser.findElement(By.id("api-key")).sendKeys(Suite.ADMIN_KEY);
        browser.findElement(By.cssSelector("#key-form button")).click();
        waitFor(d -> d.findElement(By.id("key-state")).getText().contains("Key set"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (suite != null) suite.close();
    }

    @AfterEach
    void screenshot(TestInfo test) {
        if (browser != null) screenshot(test.getTestMethod().orElseThrow().getName());
    }

    private static void screenshot(String name) {
        try {
            Path dir = Path.of("target", "dashboard-screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @Order(1)
    void anEmptyStoreSaysSoInEachPanel() {
        awaitPanels();
        assertEquals("0", kpi("Orders"));
        assertEquals(7, browser.findElements(By.cssSelector("#sales-panels .panel .empty")).size(),
                "with no orders each sales panel says so instead of drawing empty charts");
        assertEquals(5, browser.findElements(By.cssSelector("#customer-panels .panel .empty")).size());
        assertTrue(browser.findElements(By.cssSelector("#sales-panels img, .error")).isEmpty());
    }

    @Test
    @Order(2)
    void importsOrdersProductsAndReviewsToCompletionWithRejectedRowsListed() {
        assertImport("/api/v1/analytics/imports/order-lines", store.resolve("order-lines.csv"), ORDER_LINES, 1);
        assertImport("/api/v1/catalog/imports", store.resolve("products.csv"), lines(store.resolve("products.csv")) - 1, 0);
        long reviews = lines(store.resolve("reviews.csv")) - 1;
        assertImport("/api/v1/sentiment/reviews/imports", store.resolve("reviews.csv"), reviews, 0);

        // the recommender learns from what was imported: it reads the order and sentiment feeds, then builds
        given().baseUri(suite.url("gateway")).when().post("/api/v1/recommender/sync").then().statusCode(200);
        String build = given().baseUri(suite.url("gateway")).when().post("/api/v1/recommender/model/builds")
                .then().statusCode(202).extract().header("Location");
        assertEquals("succeeded", Jobs.awaitEnd(suite.url("gateway"), build, Duration.ofSeconds(60)));
    }

    @Test
    @Order(3)
    void theOverviewShowsKpisAndEveryChartWithAltText() {
        Chromium.consoleErrors(browser);
        browser.navigate().refresh();
        awaitPanels();
        assertTrue(kpi("Revenue").startsWith("₹"), kpi("Revenue"));
        assertEquals(String.format("%,d", orderCount()), kpi("Orders"), "orders tile");
        assertFalse(kpi("Customers").isBlank());

        List<WebElement> charts = browser.findElements(By.cssSelector("#sales-panels img, #customer-panels img"));
        assertTrue(charts.size() >= 12, "every view's charts: " + charts.size());
        for (WebElement chart : charts) {
            assertFalse(chart.getAttribute("alt").isBlank(), "alt text of " + chart.getAttribute("data-chart"));
            long width = (Long) js("return arguments[0].naturalWidth", chart);
            assertTrue(width >= 400, chart.getAttribute("data-chart") + " is drawn, " + width + " px wide");
        }
        assertTrue(browser.findElements(By.cssSelector("#sales-panels .error, #customer-panels .error")).isEmpty(),
                "no panel failed");
        assertEquals(List.of(), Chromium.consoleErrors(browser), "a page load that writes no error to the console");
    }

    @Test
    @Order(4)
    void changingTheCategoryRedrawsTheChartsAndTiles() {
        awaitPanels();
        String revenue = kpi("Revenue");
        String trend = chartSource("sales-trend");
        Select category = new Select(browser.findElement(By.id("category")));
        assertTrue(category.getOptions().size() > 2, "categories come from the data");
        category.selectByIndex(1);
        click("#filters button");
        waitFor(d -> !kpi("Revenue").equals(revenue));
        awaitPanels();
        assertNotEquals(trend, chartSource("sales-trend"), "the trend chart is redrawn for the category");

        category.selectByIndex(0);
        click("#filters button");
        waitFor(d -> kpi("Revenue").equals(revenue));
        awaitPanels();
    }

    @Test
    @Order(5)
    void aReviewIsScoredAsItIsTypedWithItsAspectsMarked() {
        WebElement text = browser.findElement(By.id("review-text"));
        text.clear();
        String review = "The camera is excellent and the screen is gorgeous, but the battery is terrible.";
        text.sendKeys(review);
        // the result shown is the typed text's, not the previous text's (which has marks of its own)
        waitFor(d -> d.findElements(By.cssSelector("#review-result .review-text")).stream()
                .anyMatch(p -> p.getText().equals(review)));
        String result = browser.findElement(By.id("review-result")).getText();
        assertTrue(result.contains("polarity") && result.contains("subjectivity"), result);
        List<String> negative = browser.findElements(By.cssSelector("#review-result mark.neg")).stream()
                .map(WebElement::getText).toList();
        List<String> positive = browser.findElements(By.cssSelector("#review-result mark.pos")).stream()
                .map(WebElement::getText).toList();
        assertTrue(negative.contains("battery"), "battery is criticised: " + negative);
        assertTrue(positive.contains("camera"), "camera is praised: " + positive);

        // a text in another language is said to be one, not shown as a neutral score
        text.clear();
        text.sendKeys("Das Produkt ist sehr gut und die Lieferung war schnell.");
        waitFor(d -> d.findElement(By.id("review-result")).getText().contains("does not read as English"));
    }

    @Test
    @Order(6)
    void aProductsReviewsAreSummarised() {
        String product = mostReviewedProduct();
        WebElement id = browser.findElement(By.id("product-id"));
        id.clear();
        id.sendKeys(product, Keys.ENTER);
        waitFor(d -> d.findElement(By.id("product-sentiment")).getText().contains("mean polarity"));
        String summary = browser.findElement(By.id("product-sentiment")).getText();
        assertTrue(summary.startsWith(reviewsOf(product) + " reviews"), summary);

        // reviews in another language are counted and said to be left out of the figures
        String mixed = "P-E2E-LANGUAGES";
        given().baseUri(suite.url("gateway")).contentType("application/json").body(List.of(
                        Map.of("reviewId", "R-E2E-EN", "productId", mixed, "rating", 5, "text", "Exactly as described, would buy again."),
                        Map.of("reviewId", "R-E2E-DE", "productId", mixed, "rating", 5, "text", "Das Produkt ist sehr gut, danke.")))
                .when().post("/api/v1/sentiment/reviews").then().statusCode(200);
        id.clear();
        id.sendKeys(mixed, Keys.ENTER);
        waitFor(d -> d.findElement(By.id("product-sentiment")).getText().startsWith("2 reviews"));
        String languages = browser.findElement(By.id("product-sentiment")).getText();
        assertTrue(languages.contains("100 % positive") && languages.contains("1 not in English"), languages);
    }

    @Test
    @Order(7)
    void aCustomersRecommendationsComeWithTheirReasons() {
        WebElement id = browser.findElement(By.id("customer-id"));
        id.clear();
        id.sendKeys(mostActiveCustomer(), Keys.ENTER); // the form works from the keyboard
        waitFor(d -> !d.findElements(By.cssSelector("#recommend-result li")).isEmpty());
        assertEquals("Based on their purchases.", browser.findElement(By.cssSelector("#recommend-result p")).getText());
        List<WebElement> items = browser.findElements(By.cssSelector("#recommend-result li"));
        assertEquals(10, items.size());
        for (WebElement item : items) {
            assertFalse(item.findElement(By.className("why")).getText().isBlank(), "each item says why: " + item.getText());
        }
    }

    @Test
    @Order(8)
    void aCustomersDataIsShownForDownloadAndErasedAfterAConfirmation() {
        String customer = mostActiveReviewer();
        long reviews = rows("reviews.csv").stream().filter(r -> r[2].equals(customer)).count();
        WebElement id = browser.findElement(By.id("subject-id"));
        id.clear();
        id.sendKeys(customer, Keys.ENTER);
        waitFor(d -> !d.findElements(By.cssSelector("#personal-data-result .held")).isEmpty());
        List<WebElement> held = browser.findElements(By.cssSelector("#personal-data-result .held li"));
        assertTrue(Integer.parseInt(held.get(0).getAttribute("data-count")) > 0, held.get(0).getText());
        assertEquals(String.valueOf(reviews), held.get(1).getAttribute("data-count"), held.get(1).getText());
        WebElement download = browser.findElement(By.cssSelector("#personal-data-result a[download]"));
        assertEquals("personal-data-" + customer + ".json", download.getAttribute("download"));
        assertTrue(download.getAttribute("href").startsWith("blob:"), download.getAttribute("href"));
        screenshot("personal-data-held");

        click("#personal-data-result button.secondary");
        waitFor(d -> !d.findElements(By.cssSelector("#personal-data-result button.danger")).isEmpty());
        screenshot("personal-data-confirm");
        given().baseUri(suite.url("gateway")).when().get("/api/v1/analytics/customers/profiles/" + customer)
                .then().statusCode(200); // nothing is erased before the confirmation
        click("#personal-data-result button.danger");
        waitFor(d -> !d.findElements(By.cssSelector("#personal-data-result [data-status=erased]")).isEmpty());
        String done = browser.findElement(By.cssSelector("#personal-data-result [data-status=erased]")).getText();
        assertTrue(done.contains(reviews + " reviews"), done);
        given().baseUri(suite.url("gateway")).when().get("/api/v1/analytics/customers/profiles/" + customer)
                .then().statusCode(404);

        click("#personal-data-form button");
        waitFor(d -> !d.findElements(By.cssSelector("#personal-data-result [data-held='0']")).isEmpty());
    }

    @Test
    @Order(9)
    void withSentimentStoppedOnlyItsPanelsShowAnError() {
        suite.stop("sentiment");
        WebElement text = browser.findElement(By.id("review-text"));
        text.clear();
        text.sendKeys("Arrived quickly, works well.");
        waitFor(d -> !d.findElements(By.cssSelector("#review-result [role=alert]")).isEmpty());
        assertTrue(browser.findElement(By.id("review-result")).getText().contains("unavailable"),
                browser.findElement(By.id("review-result")).getText());

        click("#filters button");
        awaitPanels();
        assertTrue(browser.findElements(By.cssSelector("#sales-panels .error, #customer-panels .error")).isEmpty(),
                "analytics panels are unaffected");
        assertTrue(browser.findElements(By.cssSelector("#sales-panels img")).size() >= 7);
        WebElement id = browser.findElement(By.id("customer-id"));
        id.clear();
        id.sendKeys(mostActiveCustomer(), Keys.ENTER);
        waitFor(d -> d.findElements(By.cssSelector("#recommend-result li")).size() == 10);
        assertTrue(browser.findElements(By.cssSelector("#recommend-result .error")).isEmpty(), "recommendations still answer");
    }

    @Test
    @Order(10)
    void onAPhoneNothingOverflowsSideways() {
        org.openqa.selenium.Dimension desktop = browser.manage().window().getSize();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            browser.navigate().refresh();
            awaitPanels();
            long overflow = (Long) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Object culprits = js("const w = document.documentElement.clientWidth; return [...document.querySelectorAll('body *')]"
                    + ".filter(e => e.getBoundingClientRect().right > w + 0.5).slice(0, 5)"
                    + ".map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')");
            assertEquals(0, overflow, "the page scrolls sideways by " + overflow + " px: " + culprits);
            WebElement chart = browser.findElement(By.cssSelector("#sales-panels img"));
            assertTrue(chart.getSize().getWidth() <= 390, "charts shrink to the screen");
            screenshot("phone");
        } finally {
            browser.manage().window().setSize(desktop);
        }
    }

    // ---- the dashboard ---------------------------------------------------------------------------

    private static void assertImport(String kind, Path file, long stored, int rejected) {
        js("document.getElementById('import-result').replaceChildren()");
        new Select(browser.findElement(By.id("import-kind"))).selectByValue(kind);
        browser.findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
        click("#import-form button");
        new WebDriverWait(browser, Duration.ofSeconds(120))
                .until(d -> !d.findElements(By.cssSelector("#import-result [data-status]")).isEmpty());
        WebElement outcome = browser.findElement(By.cssSelector("#import-result [data-status]"));
        assertEquals("succeeded", outcome.getAttribute("data-status"), outcome.getText());
        assertEquals("Done: " + stored + " rows stored, " + rejected + " rejected.", outcome.getText(), kind);
        assertEquals("100", browser.findElement(By.id("import-progress")).getAttribute("value"));
        assertEquals(rejected, browser.findElements(By.cssSelector("#import-result tbody tr")).size(), "rejected rows listed");
    }

    private static void awaitPanels() {
        waitFor(d -> d.findElements(By.cssSelector("[aria-busy=true]")).isEmpty()
                && d.findElements(By.cssSelector("#sales-panels .panel")).size() >= 7
                && d.findElements(By.cssSelector("#customer-panels .panel")).size() >= 5
                && !d.findElements(By.cssSelector("#kpis > *")).isEmpty());
    }

    /** The tile's value as shown; read in one step because the tiles are replaced while filters apply. */
    private static String kpi(String label) {
        Object text = js("const v = document.querySelector(\"[data-kpi='\" + arguments[0] + \"'] .value\");"
                + " return v ? v.textContent : '';", label);
        return String.valueOf(text);
    }

    /** Clicks as a user does after scrolling the control to mid-screen (Chromedriver would leave it under the sticky header). */
    private static void click(String selector) {
        WebElement element = browser.findElement(By.cssSelector(selector));
        js("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private static String chartSource(String name) {
        return browser.findElement(By.cssSelector("img[data-chart='" + name + "']")).getAttribute("src");
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static void waitFor(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition::apply);
    }

    // ---- the store -------------------------------------------------------------------------------

    /** A generated store, plus one order line that must be rejected (its quantity is not a number). */
    private static Path generateStore() throws IOException {
        Path dir = Path.of("target", "dashboard-store").toAbsolutePath();
        Files.createDirectories(dir);
        try (Writer flat = Files.newBufferedWriter(dir.resolve("order-lines.csv"));
             Writer products = Files.newBufferedWriter(dir.resolve("products.csv"));
             Writer reviews = Files.newBufferedWriter(dir.resolve("reviews.csv"))) {
            StoreGenerator.Settings settings = StoreGenerator.Settings.of(11, ORDER_LINES);
            new StoreGenerator(new StoreGenerator.Settings(settings.seed(), settings.lines(), settings.customers(),
                    settings.products(), settings.start(), settings.months(), 0.3))
                    .generate(new StoreGenerator.Outputs(flat, null, null, products, reviews));
        }
        Files.writeString(dir.resolve("order-lines.csv"),
                "B-BAD-1,2023-05-01,C-BAD,Bad Row,Kerala,Kochi,P-BAD,Bad,Electronics,Phones,several,100.00,10.00,UPI\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        return dir;
    }

    private static List<String[]> rows(String file) {
        try (var lines = Files.lines(store.resolve(file))) {
            // the first columns (ids) never hold quotes or commas
            return lines.skip(1).map(l -> l.split(",", 4)).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long lines(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long orderCount() {
        return rows("order-lines.csv").stream().filter(r -> !r[0].startsWith("B-BAD")).map(r -> r[0]).distinct().count();
    }

    private static String mostActiveCustomer() {
        return top(rows("order-lines.csv").stream().filter(r -> !r[0].startsWith("B-BAD"))
                .collect(Collectors.groupingBy(r -> r[2], Collectors.counting())));
    }

    /** The customer who wrote the most reviews, other than {@link #mostActiveCustomer}, whom later tests ask about. */
    private static String mostActiveReviewer() {
        String buyer = mostActiveCustomer();
        return top(rows("reviews.csv").stream().filter(r -> !r[2].isEmpty() && !r[2].equals(buyer))
                .collect(Collectors.groupingBy(r -> r[2], Collectors.counting())));
    }

    private static String mostReviewedProduct() {
        return top(rows("reviews.csv").stream().collect(Collectors.groupingBy(r -> r[1], Collectors.counting())));
    }

    private static long reviewsOf(String product) {
        return rows("reviews.csv").stream().filter(r -> r[1].equals(product)).count();
    }

    private static String top(Map<String, Long> counts) {
        return counts.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow().getKey();
    }

}
