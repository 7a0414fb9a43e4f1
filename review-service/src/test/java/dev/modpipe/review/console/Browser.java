package dev.modpipe.review.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, both by explicit path so that
 * Selenium Manager never looks for (or downloads) a driver or a browser. A fresh profile per browser.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final int WIDTH = 1366;
    static final int HEIGHT = 768;

    final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;

    private Browser(ChromeDriver driver, Path profile, Path screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.screenshots = screenshots;
    }

    /** Whether this machine has both; the browser tests skip without them. */
    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static Browser start(Path screenshots) {
        try {
            Path profile = Files.createTempDirectory("console-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--window-size=" + WIDTH + "," + HEIGHT,
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
            Files.createDirectories(screenshots);
            return new Browser(driver, profile, screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    boolean shown(String id) {
        List<WebElement> found = driver.findElements(By.id(id));
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    String text(String id) {
        return byId(id).getText();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The id of the element that has keyboard focus. */
    String focused() {
        return String.valueOf(js("return document.activeElement && document.activeElement.id"));
    }

    /** Saves what a 1366x768 laptop screen shows, as a build artefact. */
    Path screenshot(String name) {
        try {
            Path file = screenshots.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Accessibility problems of what is shown now: form controls without a label, buttons without a
     * name, text below WCAG AA contrast (4.5:1, 3:1 for large text) against its effective
     * background, and a page wider than the screen.
     */
    @SuppressWarnings("unchecked")
    List<String> accessibilityProblems() {
        return (List<String>) js(A11Y_SCRIPT);
    }

    private static final String A11Y_SCRIPT =
            """
            const problems = [];
            const visible = el => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length)
                && getComputedStyle(el).visibility !== 'hidden' && !el.closest('.visually-hidden');
            const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '');
            document.querySelectorAll('input, select, textarea').forEach(el => {
              if (!visible(el) || el.type === 'hidden') return;
              const named = (el.labels && el.labels.length) || el.getAttribute('aria-label')
                  || el.getAttribute('aria-labelledby');
              if (!named) problems.push('no label: ' + describe(el));
            });
            document.querySelectorAll('button, [role=button], a[href]').forEach(el => {
              if (!visible(el)) return;
              if (!(el.getAttribute('aria-label') || el.textContent.trim())) problems.push('no name: ' + describe(el));
            });
            const rgba = s => { const m = s.match(/rgba?\\(([^)]+)\\)/); if (!m) return [0, 0, 0, 0];
              const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
            const background = el => {
              let color = [255, 255, 255]; const layers = [];
              for (let e = el; e; e = e.parentElement) { const c = rgba(getComputedStyle(e).backgroundColor);
                if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; } }
              if (layers.length && layers[layers.length - 1][3] >= 1) color = layers.pop().slice(0, 3);
              while (layers.length) { const c = layers.pop(); color = color.map((v, i) => c[i] * c[3] + v * (1 - c[3])); }
              return color; };
            const lum = c => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
              return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
            document.querySelectorAll('body *').forEach(el => {
              const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
              if (!own || !visible(el) || el.disabled || el.closest('[disabled]')) return;
              const style = getComputedStyle(el); const fg = rgba(style.color);
              const bg = background(el);
              const fgc = fg.slice(0, 3).map((v, i) => v * fg[3] + bg[i] * (1 - fg[3]));
              const l1 = lum(fgc), l2 = lum(bg); const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
              const size = parseFloat(style.fontSize); const bold = parseInt(style.fontWeight, 10) >= 700;
              const large = size >= 24 || (bold && size >= 18.66);
              if (ratio < (large ? 3 : 4.5)) problems.push('contrast ' + ratio.toFixed(2) + ': ' + describe(el)
                  + ' "' + el.textContent.trim().substring(0, 30) + '"');
            });
            if (document.documentElement.scrollWidth > window.innerWidth) problems.push('wider than the window: '
                + document.documentElement.scrollWidth + ' > ' + window.innerWidth);
            return problems;
            """;

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
