package dev.modpipe.review.console;

import static dev.modpipe.review.support.ReviewApp.ADMIN;
import static dev.modpipe.review.support.ReviewApp.LEAD;
import static dev.modpipe.review.support.ReviewApp.MOD_A;
import static dev.modpipe.review.support.ReviewApp.MOD_B;
import static dev.modpipe.review.support.ReviewApp.ONCALL;
import static dev.modpipe.review.support.ReviewApp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modpipe.infra.SharedInfra;
import dev.modpipe.model.Category;
import dev.modpipe.model.EventJson;
import dev.modpipe.model.EventType;
import dev.modpipe.model.Evidence;
import dev.modpipe.model.ModerationAction;
import dev.modpipe.model.ModerationDecision;
import dev.modpipe.model.PostClassified;
import dev.modpipe.model.RiskLevel;
import dev.modpipe.review.support.KafkaTopics;
import dev.modpipe.review.support.ReviewApp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/**
 * The moderator console in a real headless Chromium against the real service: verdicts are published
 * to the real broker, the queue lives in the real Redis, decisions are read back from the decisions
 * topic. Screenshots of a 1366x768 screen go to {@code target/console-screenshots/}. Skips when
 * Debian's chromium or chromedriver is not installed.
 *
 * <p>The tests share one service and one browser; each signs in afresh. The queue is shared, so
 * assertions about it concern the posts a test published itself.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIf(
        value = "dev.modpipe.review.console.Browser#available",
        disabledReason = "skipped: the console's browser test needs Debian's /usr/bin/chromium and"
                + " /usr/bin/chromedriver (apt-get install chromium chromium-driver)")
class ConsoleBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String PLATFORM = "calmspace";
    private static final Path SCREENSHOTS =
            Path.of(System.getProperty("basedir", "."), "target", "console-screenshots");

    private static ReviewApp app;
    private static KafkaTopics kafka;
    private static Browser browser;

    @BeforeAll
    static void start() {
        app = ReviewApp.start(ReviewApp.properties(SharedInfra.redisUrl(), SharedInfra.kafkaBootstrapServers()));
        kafka = new KafkaTopics(SharedInfra.kafkaBootstrapServers());
        browser = Browser.start(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @BeforeEach
    void freshPage() {
        // storage is cleared on a page of the same origin that runs no script (the console itself
        // would store the token again when a sign-in from the previous test is still in flight)
        browser.driver.get(app.server.getURL() + "/console/console.css");
        browser.js(
                "sessionStorage.clear(); localStorage.clear(); localStorage.setItem('modpipe.console.pollMs', '700');");
        browser.driver.get(app.server.getURL() + "/console/");
        await().atMost(WAIT).until(() -> browser.shown("signin-view"));
    }

    // ------------------------------------------------------------------------------------------ tests

    @Test
    @Order(1)
    void shouldSignInWorkTheQueueRevealDecideAndReleaseInTheBrowser() {
        String threatText = "I know where you live and I will hurt you.";
        String imminentText = "I said goodbye to everyone 🙏 <b>I have the pills</b> and tonight is the night.";
        publish(verdict("p-misinfo", ago(Duration.ofHours(25)), "a-author-3", RiskLevel.NONE)
                .flagged(Category.MISINFORMATION, "misinformation/treatment", 0.8)
                .evidence(
                        Category.MISINFORMATION,
                        "treatment",
                        "Stop your meds, this tea cures depression",
                        "this tea cures depression"));
        publish(verdict("p-threat", ago(Duration.ofMinutes(2)), "a-author-4", RiskLevel.NONE)
                .flagged(Category.HARMFUL, "harmful/threat", 0.9)
                .evidence(Category.HARMFUL, "harmful/threat", threatText, "I will hurt you"));
        publish(verdict("p-hate", ago(Duration.ofMinutes(10)), "a-author-5", RiskLevel.NONE)
                .flagged(Category.HARMFUL, "harmful/hate", 0.85)
                .subcategory("harmful/harassment", 0.3)
                .evidence(Category.HARMFUL, "dehumanising", "People like them should disappear", "should disappear"));
        publish(verdict("p-high", ago(Duration.ofMinutes(20)), "a-author-1", RiskLevel.HIGH)
                .flagged(Category.SELF_HARM, "self_harm/ideation", 0.9)
                .evidence(Category.SELF_HARM, "ideation", "I keep thinking about ending it all", "ending it all"));
        publish(verdict("p-imminent", ago(Duration.ofMinutes(1)), "a-author-1", RiskLevel.IMMINENT)
                .flag(Category.SELF_HARM, 0.97)
                .subcategory("self_harm/intent_plan", 0.93)
                .evidence(Category.SELF_HARM, "means", imminentText, "<b>I have the pills</b>")
                .evidence(Category.SELF_HARM, "timeline", imminentText, "tonight")
                .text(imminentText));
        List<String> seeded = List.of("p-imminent", "p-high", "p-misinfo", "p-threat", "p-hate");
        await().atMost(WAIT).until(() -> apiQueue(MOD_A).containsAll(seeded));
        browser.screenshot("01-sign-in");
        assertThat(browser.accessibilityProblems()).isEmpty();

        // a wrong token is refused; the right one (typed, then Enter) opens the queue
        browser.byId("token").sendKeys("not-my-token", Keys.ENTER);
        await().atMost(WAIT).until(() -> browser.text("signin-error").contains("not accepted"));
        assertThat(browser.focused()).isEqualTo("token");
        browser.byId("token").sendKeys(ReviewApp.token(MOD_A), Keys.ENTER);
        await().atMost(WAIT).until(() -> browser.shown("queue-view"));
        assertThat(browser.text("who-name")).isEqualTo(MOD_A);
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("token");
        assertThat(browser.shown("nav"))
                .as("a moderator has one view: no navigation")
                .isFalse();
        assertThat(browser.shown("nav-alerts")).isFalse();
        assertThat(browser.shown("nav-audit")).isFalse();

        // highest priority first, as the API orders it: IMMINENT, HIGH, overdue misinformation, threat, hate
        await().atMost(WAIT).untilAsserted(() -> assertThat(rows()).containsSubsequence(seeded));
        assertThat(rows()).isEqualTo(apiQueue(MOD_A));
        assertThat(rowText("p-misinfo")).contains("Overdue 1 h 0 min").contains("Misinformation");
        assertThat(rowClass("p-misinfo")).contains("overdue");
        assertThat(rowText("p-threat")).contains("due in 3 h 5").contains("Threat");
        assertThat(rowText("p-imminent")).contains("Imminent", "Self-harm", "p-imminent", "calmspace · en");
        assertThat(browser.text("live-text")).startsWith("Live");
        browser.screenshot("02-queue");
        assertThat(browser.accessibilityProblems()).isEmpty();
        assertThat(browser.js("return document.documentElement.scrollHeight <= window.innerHeight"))
                .as("the page fits a 1366x768 screen; panels scroll inside it")
                .isEqualTo(true);

        // filters
        select("filter-category", "MISINFORMATION");
        await().atMost(WAIT).untilAsserted(() -> assertThat(rows()).containsExactly("p-misinfo"));
        select("filter-category", "");
        select("filter-risk", "HIGH");
        await().atMost(WAIT).untilAsserted(() -> assertThat(rows()).containsExactly("p-high"));
        select("filter-risk", "");
        await().atMost(WAIT).untilAsserted(() -> assertThat(rows()).containsSubsequence(seeded));

        // claim next by keyboard: the IMMINENT post, behind a content warning, focus on its heading
        browser.byId("claim-next").sendKeys(Keys.ENTER);
        await().atMost(WAIT).until(() -> browser.shown("item"));
        assertThat(browser.text("item-title")).isEqualTo("Imminent · calmspace:p-imminent");
        assertThat(browser.focused()).isEqualTo("item-title");
        assertThat(browser.shown("content-warning")).isTrue();
        assertThat(browser.text("content-warning-text")).contains("self-harm (imminent risk)");
        assertThat(browser.shown("post-body")).isFalse();
        assertThat(browser.driver.getPageSource())
                .as("nothing of the post is on the page before it is revealed")
                .doesNotContain("pills", "tonight");
        assertThat(browser.text("history")).contains("p-high");
        assertThat(browser.text("streak-text")).isEqualTo("Crisis items in a row: 1 of 5");
        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(rows()).doesNotContain("p-imminent").contains("p-high"));
        browser.screenshot("03-claimed-content-warning");

        // reveal: the evidence is marked at its offsets, the post's markup shown as text, never parsed
        browser.byId("reveal").click();
        assertThat(browser.shown("post-body")).isTrue();
        assertThat(browser.focused()).isEqualTo("post-text");
        assertThat(marks()).containsExactly("<b>I have the pills</b>", "tonight");
        assertThat(browser.text("post-text"))
                .as("the whole post is shown, not only its evidence")
                .contains("I said goodbye to everyone")
                .contains("is the night.");
        assertThat(browser.js("return document.querySelectorAll('#post-text b, #item b').length"))
                .isEqualTo(0L);
        assertThat(browser.text("evidence-list")).contains("means: “<b>I have the pills</b>”", "timeline: “tonight”");
        browser.screenshot("04-item-revealed");
        assertThat(browser.accessibilityProblems()).isEmpty();

        // decide: the decision is published, the item leaves the queue without a reload
        browser.js("window.__sameDocument = true;");
        browser.driver
                .findElement(By.cssSelector("input[name=action][value=SEND_RESOURCES]"))
                .click();
        browser.byId("reason").sendKeys("Plan and means stated; resources sent, on-call informed");
        browser.byId("decide").click();
        await().atMost(WAIT).until(() -> browser.text("queue-message")
                .equals("Decision recorded: Send resources for calmspace:p-imminent."));
        assertThat(browser.shown("item")).isFalse();
        assertThat(browser.focused()).isEqualTo("claim-next");
        ConsumerRecord<String, byte[]> record =
                kafka.await(app.topic("decisions"), r -> (PLATFORM + ":p-imminent").equals(r.key()), WAIT);
        ModerationDecision decision = EventJson.read(record.value(), ModerationDecision.class);
        assertThat(decision.action()).isEqualTo(ModerationAction.SEND_RESOURCES);
        assertThat(decision.moderator()).isEqualTo(MOD_A);
        assertThat(decision.reason()).isEqualTo("Plan and means stated; resources sent, on-call informed");
        assertThat(apiQueue(MOD_A)).doesNotContain("p-imminent");
        assertThat(rows()).doesNotContain("p-imminent");
        browser.screenshot("05-decided");

        // live refresh: a new verdict appears by itself, in the same document
        publish(verdict("p-live", ago(Duration.ZERO), "a-author-6", RiskLevel.MODERATE)
                .flagged(Category.SELF_HARM, "self_harm/ideation", 0.7)
                .evidence(Category.SELF_HARM, "ideation", "Some days I wish I could disappear", "disappear"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(rows()).contains("p-live"));
        assertThat(browser.js("return window.__sameDocument === true")).isEqualTo(true);

        // release: claim the HIGH post, hand it back
        browser.byId("claim-next").click();
        await().atMost(WAIT)
                .until(() -> browser.shown("item") && browser.text("item-title").equals("High · calmspace:p-high"));
        browser.byId("release").click();
        await().atMost(WAIT)
                .until(() -> browser.text("queue-message").equals("Released calmspace:p-high back to the queue."));
        await().atMost(WAIT).untilAsserted(() -> assertThat(rows()).contains("p-high"));
        assertThat(apiQueue(MOD_A)).contains("p-high");
    }

    @Test
    @Order(2)
    void shouldPromptForABreakAfterTheConfiguredNumberOfCrisisItemsInARow() {
        publish(verdict("p-crisis-1", ago(Duration.ofMinutes(40)), "a-author-7", RiskLevel.HIGH)
                .flagged(Category.SELF_HARM, "self_harm/intent_plan", 0.9)
                .evidence(Category.SELF_HARM, "timeline", "It ends this weekend", "this weekend"));
        publish(verdict("p-crisis-2", ago(Duration.ofMinutes(39)), "a-author-8", RiskLevel.HIGH)
                .flagged(Category.SELF_HARM, "self_harm/self_injury", 0.9)
                .evidence(Category.SELF_HARM, "self_injury", "I cut again last night", "cut again"));
        await().atMost(WAIT).until(() -> apiQueue(MOD_B).containsAll(List.of("p-crisis-1", "p-crisis-2")));
        signIn(MOD_B);
        WebElement limit = browser.byId("crisis-limit");
        limit.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2", Keys.TAB);
        assertThat(browser.text("streak-text")).isEqualTo("Crisis items in a row: 0 of 2");

        claimAndDecide(MOD_B, "APPROVE");
        claimAndDecide(MOD_B, "ESCALATE");
        assertThat(browser.text("streak-text")).isEqualTo("Crisis items in a row: 2 of 2");

        // the third claim asks for a break first
        browser.byId("claim-next").click();
        await().atMost(WAIT).until(() -> browser.byId("break-dialog").getDomAttribute("open") != null);
        assertThat(browser.text("break-count")).contains("2 crisis items in a row");
        assertThat(browser.focused()).isEqualTo("take-break");
        browser.screenshot("06-break-prompt");
        assertThat(browser.accessibilityProblems()).isEmpty();
        browser.byId("take-break").click();
        assertThat(browser.byId("break-dialog").getDomAttribute("open")).isNull();
        assertThat(browser.shown("break-banner")).isTrue();
        assertThat(browser.text("break-text")).startsWith("On a break · 4:5");
        assertThat(browser.byId("claim-next").isEnabled()).isFalse();
        assertThat(browser.shown("item")).as("nothing was claimed").isFalse();
        browser.screenshot("07-on-a-break");
        browser.byId("end-break").click();
        await().atMost(WAIT).until(() -> browser.text("streak-text").equals("Crisis items in a row: 0 of 2"));
        assertThat(browser.byId("claim-next").isEnabled()).isTrue();

        // "continue anyway" claims after the prompt
        limit.sendKeys(Keys.chord(Keys.CONTROL, "a"), "1", Keys.TAB);
        publish(verdict("p-crisis-3", ago(Duration.ofMinutes(1)), "a-author-9", RiskLevel.IMMINENT)
                .flagged(Category.SELF_HARM, "self_harm/intent_plan", 0.95)
                .evidence(Category.SELF_HARM, "timeline", "Tonight I end it", "Tonight"));
        await().atMost(WAIT).until(() -> apiQueue(MOD_B).contains("p-crisis-3"));
        claimAndDecide(MOD_B, "SEND_RESOURCES");
        publish(verdict("p-crisis-4", ago(Duration.ofMinutes(30)), "a-author-11", RiskLevel.IMMINENT)
                .flagged(Category.SELF_HARM, "self_harm/intent_plan", 0.95)
                .evidence(Category.SELF_HARM, "means", "I have the rope ready", "the rope"));
        await().atMost(WAIT).until(() -> apiQueue(MOD_B).contains("p-crisis-4"));
        browser.byId("claim-next").click();
        await().atMost(WAIT).until(() -> browser.byId("break-dialog").getDomAttribute("open") != null);
        browser.byId("continue-anyway").click();
        await().atMost(WAIT).until(() -> browser.shown("item"));
        assertThat(browser.text("item-title")).isEqualTo("Imminent · calmspace:p-crisis-4");
        assertThat(browser.text("streak-text")).isEqualTo("Crisis items in a row: 2 of 1");
        browser.byId("release").click();
        await().atMost(WAIT).until(() -> !browser.shown("item"));
    }

    @Test
    @Order(3)
    void shouldSignOutForgettingTheTokenAndShowLeadsTheQueueAndTheAuditLog() {
        signIn(MOD_A);
        browser.byId("sign-out").click();
        await().atMost(WAIT).until(() -> browser.shown("signin-view"));
        assertThat(browser.js("return sessionStorage.getItem('modpipe.console.token')"))
                .isNull();
        assertThat(browser.shown("queue-view")).isFalse();
        assertThat(browser.focused()).isEqualTo("token");
        browser.driver.navigate().refresh();
        await().atMost(WAIT).until(() -> browser.shown("signin-view"));
        assertThat(browser.shown("queue-view"))
                .as("still signed out after a reload")
                .isFalse();

        publish(verdict("p-for-audit", ago(Duration.ZERO), "a-author-12", RiskLevel.NONE)
                .flagged(Category.MISINFORMATION, "misinformation/health", 0.8)
                .evidence(Category.MISINFORMATION, "health", "Vaccines cause it", "Vaccines cause it"));
        await().atMost(WAIT).until(() -> apiQueue(MOD_A).contains("p-for-audit"));
        String claimed = json(app.post("/v1/queue/claim", MOD_A, "{\"category\":\"MISINFORMATION\"}"))
                .get("itemId")
                .asText();
        assertThat(app.post("/v1/items/" + claimed + "/release", MOD_A, null).statusCode())
                .isEqualTo(200);

        signIn(LEAD);
        assertThat(browser.shown("nav-queue")).isTrue();
        assertThat(browser.shown("nav-audit")).isTrue();
        assertThat(browser.shown("nav-alerts"))
                .as("leads see alerts, read only")
                .isTrue();
        assertThat(browser.shown("lane-field"))
                .as("leads may work the escalated lane")
                .isTrue();
        select("filter-lane", "ESCALATED");
        await().atMost(WAIT).untilAsserted(() -> assertThat(rows()).isEqualTo(apiQueue(LEAD, "&lane=ESCALATED")));
        select("filter-lane", "");

        browser.byId("nav-audit").click();
        await().atMost(WAIT).until(() -> browser.shown("audit-view"));
        assertThat(browser.focused()).isEqualTo("audit-title");
        await().atMost(WAIT).untilAsserted(() -> assertThat(browser.text("audit-rows"))
                .contains("ENQUEUED", "CLAIMED", "RELEASED", MOD_A, "intake", claimed));
        browser.screenshot("08-audit-log");
        assertThat(browser.accessibilityProblems()).isEmpty();

        // the root of the service leads to the console, still signed in (same tab session)
        browser.driver.get(app.server.getURL() + "/");
        await().atMost(WAIT).until(() -> browser.shown("queue-view") || browser.shown("audit-view"));
        assertThat(browser.driver.getCurrentUrl()).contains("/console/");
    }

    @Test
    @Order(4)
    void shouldPausePollingWhileTheTabIsHiddenAndCatchUpWhenItIsShownAgain() {
        signIn(MOD_B);
        browser.js(
                """
                window.__log = [];
                const original = window.fetch;
                window.fetch = function (url, init) {
                  window.__log.push('fetch:' + document.visibilityState + ':' + url);
                  return original.call(this, url, init);
                };
                document.addEventListener('visibilitychange', () => window.__log.push('visibility:'
                    + document.visibilityState + ':' + document.getElementById('live-text').textContent));
                """);
        await().atMost(WAIT).until(() -> fetches("visible").size() >= 2);
        String console = browser.driver.getWindowHandle();

        browser.driver.switchTo().newWindow(WindowType.TAB);
        publish(verdict("p-while-hidden", ago(Duration.ZERO), "a-author-10", RiskLevel.MODERATE)
                .flagged(Category.SELF_HARM, "self_harm/ideation", 0.7)
                .evidence(Category.SELF_HARM, "ideation", "I feel like a burden", "a burden"));
        // several poll intervals (700 ms) pass while the console's tab is hidden
        await().atMost(WAIT).during(Duration.ofMillis(2500)).until(() -> apiQueue(MOD_B)
                .contains("p-while-hidden"));
        browser.driver.close();
        browser.driver.switchTo().window(console);

        await().atMost(WAIT).untilAsserted(() -> assertThat(rows()).contains("p-while-hidden"));
        @SuppressWarnings("unchecked")
        List<String> log = (List<String>) browser.js("return window.__log");
        assertThat(log)
                .as("the tab really was hidden, and said so")
                .contains("visibility:hidden:Paused while this tab is hidden");
        List<String> sinceHidden =
                log.subList(log.indexOf("visibility:hidden:Paused while this tab is hidden"), log.size());
        assertThat(sinceHidden).noneMatch(e -> e.startsWith("fetch:hidden"));
        // the page's own visibilitychange handler (registered before the log's) fetched at once
        int shown = sinceHidden.indexOf(sinceHidden.stream()
                .filter(e -> e.startsWith("visibility:visible"))
                .findFirst()
                .orElseThrow());
        assertThat(sinceHidden.subList(1, shown)).isNotEmpty().allMatch(e -> e.startsWith("fetch:visible:"));
        assertThat(sinceHidden.get(1)).startsWith("fetch:visible:/v1/queue");
    }

    @Test
    @Order(5)
    void shouldShowOnCallTheirAlertsAnnounceNewOnesAndAcknowledgeAndResolve() {
        publish(verdict("p-alert-1", ago(Duration.ofMinutes(2)), "a-author-13", RiskLevel.IMMINENT)
                .flagged(Category.SELF_HARM, "self_harm/intent_plan", 0.96)
                .evidence(Category.SELF_HARM, "timeline", "I will do it tonight", "tonight"));
        await().atMost(WAIT).until(() -> alert("p-alert-1") != null);
        signIn(ONCALL);
        await().atMost(WAIT).until(() -> browser.shown("alerts-view"));
        assertThat(browser.shown("queue-view")).isFalse();
        assertThat(browser.shown("nav"))
                .as("on-call staff have one view: no navigation")
                .isFalse();
        await().atMost(WAIT).untilAsserted(() -> assertThat(alertRows()).contains("p-alert-1"));
        assertThat(alertRowText("p-alert-1")).contains("Imminent risk", "Open", "Tier 1", "calmspace", "ago");
        assertThat(alertRowText("p-alert-1"))
                .as("evidence stays collapsed until asked for")
                .doesNotContain("tonight");

        // a new alert appears by itself and is announced at once (assertive)
        publish(verdict("p-alert-2", ago(Duration.ZERO), "a-author-14", RiskLevel.IMMINENT)
                .flagged(Category.SELF_HARM, "self_harm/intent_plan", 0.95)
                .evidence(Category.SELF_HARM, "means", "I have the rope", "the rope"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(alertRows()).contains("p-alert-2"));
        await().atMost(WAIT).until(() -> browser.text("announce-assertive").contains("calmspace:p-alert-2"));
        assertThat(browser.byId("announce-assertive").getDomProperty("textContent"))
                .startsWith("New crisis alert")
                .contains("Imminent risk, calmspace:p-alert-2");
        browser.screenshot("09-alerts");
        assertThat(browser.accessibilityProblems()).isEmpty();

        // acknowledge by keyboard: the alert leaves "needs action", acknowledged by this user
        String ack = "button[aria-label='Acknowledge the alert for calmspace:p-alert-1']";
        browser.driver.findElement(By.cssSelector(ack)).sendKeys(Keys.ENTER);
        await().atMost(WAIT).until(() -> browser.text("alerts-message")
                .startsWith("Acknowledged the alert for calmspace:p-alert-1"));
        assertThat(browser.focused()).isEqualTo("alerts-title");
        await().atMost(WAIT).untilAsserted(() -> assertThat(alertRows()).doesNotContain("p-alert-1"));
        JsonNode acked = alert("p-alert-1");
        assertThat(acked.get("state").asText()).isEqualTo("ACKED");
        assertThat(acked.get("ackedBy").asText()).isEqualTo(ONCALL);

        // then resolve it from the acknowledged list
        select("alert-state", "ACKED");
        await().atMost(WAIT).untilAsserted(() -> assertThat(alertRows()).contains("p-alert-1"));
        assertThat(alertRowText("p-alert-1")).contains("Acknowledged by " + ONCALL);
        browser.driver
                .findElement(By.cssSelector("button[aria-label='Resolve the alert for calmspace:p-alert-1']"))
                .click();
        await().atMost(WAIT)
                .until(() -> browser.text("alerts-message").startsWith("Resolved the alert for calmspace:p-alert-1"));
        JsonNode resolved = alert("p-alert-1");
        assertThat(resolved.get("state").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.get("resolvedBy").asText()).isEqualTo(ONCALL);

        // an administrator has every view
        browser.byId("sign-out").click();
        await().atMost(WAIT).until(() -> browser.shown("signin-view"));
        signIn(ADMIN);
        assertThat(browser.shown("nav-queue")).isTrue();
        assertThat(browser.shown("nav-alerts")).isTrue();
        assertThat(browser.shown("nav-audit")).isTrue();
        browser.byId("nav-alerts").click();
        await().atMost(WAIT).untilAsserted(() -> assertThat(alertRows()).contains("p-alert-2"));
        browser.driver
                .findElement(By.cssSelector("tr[data-post-id='p-alert-2'] summary"))
                .click();
        assertThat(alertRowText("p-alert-2")).contains("means: “the rope”");
        browser.screenshot("10-admin-alerts-evidence");
    }

    @Test
    @Order(6)
    void shouldMarkEvidenceAtJavaOffsetsAndShowMarkupAsText() {
        String text = "Ok 🙂 <img src=x onerror=\"window.__owned=1\"> I took 20 pills tonight, see <a href=x>this</a>";
        List<Evidence> evidence = List.of(
                span(Category.SELF_HARM, "means", text, "20 pills"),
                span(Category.SELF_HARM, "timeline", text, "pills tonight"),
                span(Category.HARMFUL, "link", text, "<a href=x>this</a>"),
                new Evidence(Category.SELF_HARM, "beyond the text", text.length() + 5, text.length() + 9, "gone"));
        @SuppressWarnings("unchecked")
        Map<String, Object> rendered = (Map<String, Object>) browser.js(
                """
                const evidence = JSON.parse(arguments[1]);
                const box = document.createElement('div');
                box.appendChild(ModConsole.highlight(arguments[0], evidence));
                document.body.appendChild(box);
                const visibleText = box.cloneNode(true);
                visibleText.querySelectorAll('.visually-hidden').forEach(e => e.remove());
                const result = {
                  text: visibleText.textContent,
                  marks: Array.from(box.querySelectorAll('mark')).map(m => m.firstChild.nodeValue),
                  elements: Array.from(box.querySelectorAll('*')).map(e => e.tagName.toLowerCase()),
                  owned: window.__owned === 1
                };
                box.remove();
                return result;
                """,
                text,
                new String(EventJson.write(evidence), java.nio.charset.StandardCharsets.UTF_8));

        assertThat(rendered.get("text")).isEqualTo(text);
        assertThat(rendered.get("marks")).isEqualTo(List.of("20 pills tonight", "<a href=x>this</a>"));
        assertThat(rendered.get("elements")).isEqualTo(List.of("mark", "span", "mark", "span"));
        assertThat(rendered.get("owned")).isEqualTo(false);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private void signIn(String user) {
        browser.byId("token").sendKeys(ReviewApp.token(user), Keys.ENTER);
        await().atMost(WAIT)
                .until(() -> browser.shown("who") && browser.text("who-name").equals(user));
    }

    /** Claims the next item and decides it with the given action. */
    private void claimAndDecide(String user, String action) {
        browser.byId("claim-next").click();
        await().atMost(WAIT).until(() -> browser.shown("item"));
        String title = browser.text("item-title");
        browser.driver
                .findElement(By.cssSelector("input[name=action][value=" + action + "]"))
                .click();
        browser.byId("reason").sendKeys("decided by " + user + " in the browser test");
        browser.byId("decide").click();
        await().atMost(WAIT)
                .until(() ->
                        !browser.shown("item") && browser.text("queue-message").startsWith("Decision recorded"));
        assertThat(browser.text("queue-message")).endsWith(title.substring(title.indexOf("calmspace:")) + ".");
    }

    private void select(String id, String value) {
        browser.js(
                "const s = document.getElementById(arguments[0]); s.value = arguments[1];"
                        + " s.dispatchEvent(new Event('change'));",
                id,
                value);
    }

    /** The post ids of the queue's rows, top to bottom. */
    private List<String> rows() {
        return postIds("queue-rows");
    }

    private String rowText(String postId) {
        return rowText("queue-rows", postId);
    }

    private String rowClass(String postId) {
        return String.valueOf(browser.js(
                "return document.querySelector(\"#queue-rows tr[data-post-id='\" + arguments[0] + \"']\").className",
                postId));
    }

    @SuppressWarnings("unchecked")
    private List<String> marks() {
        return (List<String>) browser.js(
                "return Array.from(document.querySelectorAll('#post-text mark')).map(m => m.firstChild.nodeValue)");
    }

    @SuppressWarnings("unchecked")
    private List<String> fetches(String visibility) {
        List<String> log = (List<String>) browser.js("return window.__log");
        return log.stream().filter(e -> e.startsWith("fetch:" + visibility)).toList();
    }

    /** The post ids of the alert rows, top to bottom. */
    private List<String> alertRows() {
        return postIds("alert-rows");
    }

    private String alertRowText(String postId) {
        return rowText("alert-rows", postId);
    }

    /** The post ids of a table body's rows, top to bottom (read at once: polling re-renders the rows). */
    @SuppressWarnings("unchecked")
    private List<String> postIds(String tbody) {
        return (List<String>) browser.js(
                "return Array.from(document.querySelectorAll('#' + arguments[0] + ' tr')).map(r => r.dataset.postId)",
                tbody);
    }

    /** The text of a table body's row of the post. */
    private String rowText(String tbody, String postId) {
        return String.valueOf(browser.js(
                "const r = document.querySelector('#' + arguments[0] + \" tr[data-post-id='\" + arguments[1] + \"']\");"
                        + " return r.innerText;",
                tbody,
                postId));
    }

    /** The post's alert as the API shows it to on-call staff, or null. */
    private static JsonNode alert(String postId) {
        for (JsonNode a : json(app.get("/v1/alerts?limit=500", ONCALL))) {
            if (postId.equals(a.get("postId").asText())) {
                return a;
            }
        }
        return null;
    }

    private static List<String> apiQueue(String user) {
        return apiQueue(user, "");
    }

    private static List<String> apiQueue(String user, String query) {
        JsonNode page = json(app.get("/v1/queue?limit=100" + query, user));
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("postId").asText()));
        return ids;
    }

    private static Instant ago(Duration duration) {
        return Instant.now().minus(duration);
    }

    private static Evidence span(Category category, String cue, String text, String phrase) {
        int start = text.indexOf(phrase);
        assertThat(start).as("'%s' is in the text", phrase).isNotNegative();
        return new Evidence(category, cue, start, start + phrase.length(), phrase);
    }

    /** A verdict on a post of the console's platform, received at the given time, for {@link #publish}. */
    private static Verdict verdict(String postId, Instant receivedAt, String author, RiskLevel risk) {
        return new Verdict(postId, receivedAt, author, risk);
    }

    private static void publish(Verdict verdict) {
        PostClassified classified = verdict.build();
        kafka.send(app.topic("classified"), classified.key(), classified);
    }

    /** A classifier verdict built up cue by cue; categories not flagged score 0.02. */
    private static final class Verdict {
        private final String postId;
        private final Instant receivedAt;
        private final String author;
        private final RiskLevel risk;
        private final Map<Category, Double> flagged = new EnumMap<>(Category.class);
        private final Map<String, Double> subcategories = new LinkedHashMap<>();
        private final List<Evidence> evidence = new ArrayList<>();
        private String text;

        Verdict(String postId, Instant receivedAt, String author, RiskLevel risk) {
            this.postId = postId;
            this.receivedAt = receivedAt;
            this.author = author;
            this.risk = risk;
        }

        /** Flags the category at this score. */
        Verdict flag(Category category, double score) {
            flagged.put(category, score);
            return this;
        }

        Verdict subcategory(String subcategory, double score) {
            subcategories.put(subcategory, score);
            return this;
        }

        /** Flags the category, and its subcategory, at this score. */
        Verdict flagged(Category category, String subcategory, double score) {
            return flag(category, score).subcategory(subcategory, score);
        }

        /** The phrase of the text as evidence of the cue. */
        Verdict evidence(Category category, String cue, String text, String phrase) {
            evidence.add(span(category, cue, text, phrase));
            return this;
        }

        /** The classified text that the evidence offsets index. */
        Verdict text(String text) {
            this.text = text;
            return this;
        }

        PostClassified build() {
            Map<Category, Double> scores = new EnumMap<>(Category.class);
            for (Category c : Category.values()) {
                scores.put(c, flagged.getOrDefault(c, 0.02));
            }
            return new PostClassified(
                    PostClassified.CURRENT_SCHEMA_VERSION,
                    EventType.CREATED,
                    PLATFORM,
                    postId,
                    1,
                    "t-" + postId,
                    author,
                    "en",
                    "console-test-1",
                    Instant.now(),
                    receivedAt,
                    scores,
                    subcategories,
                    risk,
                    new ArrayList<>(flagged.keySet()),
                    true,
                    evidence,
                    false,
                    text);
        }
    }
}
