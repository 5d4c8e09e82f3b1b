package org.sitrep.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.drew.metadata.iptc.IptcDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sitrep.testsupport.Axe;
import org.sitrep.testsupport.Browser;
import org.sitrep.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The editor's journeys in Chromium, on H2 (the store parts run on both databases in {@link EditorContract}). */
class EditorH2Test extends EditorContract {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    String base() {
        return "http://localhost:" + port;
    }

    WebDriverWait waiting(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    void signIn(WebDriver browser) {
        ensureEditor();
        browser.get(base() + "/signin");
        browser.findElement(By.id("username")).sendKeys(EDITOR);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        Browser.navigating(browser, () -> browser.findElement(By.cssSelector("main button[type=submit]"))
                .click());
    }

    @Test
    void anAutosavedDraftSurvivesAClosedBrowserAndThePreviewIsLive() throws Exception {
        autosaves.discard(EDITOR, 0);
        String headline = "Closed tab " + UUID.randomUUID().toString().substring(0, 8);
        WebDriver browser = Browser.start();
        try {
            signIn(browser);
            browser.get(base() + "/newsroom/pieces/new");
            browser.findElement(By.id("headline")).sendKeys(headline);
            browser.findElement(By.id("body"))
                    .sendKeys("Fighting in **Layramoun**.\n\n<img src=x onerror=\"window.hacked=1\">");

            // The preview is the server's rendering, cleaned: bold is bold, the handler is gone.
            waiting(browser).until(ExpectedConditions.textToBe(By.cssSelector("#body-preview strong"), "Layramoun"));
            assertThat(browser.findElements(By.cssSelector("#body-preview [onerror]")))
                    .isEmpty();
            assertThat(((JavascriptExecutor) browser).executeScript("return window.hacked === undefined"))
                    .isEqualTo(true);

            waiting(browser)
                    .until(ExpectedConditions.textMatches(
                            By.id("autosave-status"), java.util.regex.Pattern.compile("Draft saved \\d\\d:\\d\\d")));
        } finally {
            browser.quit(); // the tab, the window, the browser and its session: all gone
        }

        WebDriver again = Browser.start();
        try {
            signIn(again);
            again.get(base() + "/newsroom/pieces/new");
            assertThat(again.findElement(By.id("headline")).getAttribute("value"))
                    .isEqualTo(headline);
            assertThat(again.findElement(By.id("body")).getAttribute("value")).startsWith("Fighting in **Layramoun**.");
            assertThat(again.findElement(By.id("restored")).getText()).contains("unsaved changes are back");

            // Leaving at once, before the pause that triggers an autosave: the page's last beacon keeps the text.
            again.findElement(By.id("body")).sendKeys("\n\nAdded just before leaving.");
            again.get(base() + "/newsroom");
            waiting(again).until(d -> {
                d.get(base() + "/newsroom/pieces/new");
                return d.findElement(By.id("body")).getAttribute("value").endsWith("Added just before leaving.");
            });

            // Accessible, wide and narrow, with the restored notice, the preview and the picker showing
            // (an article's own text first: the hostile image above has no alt text, in the preview as on the site).
            ((JavascriptExecutor) again)
                    .executeScript("var b = document.getElementById('body');"
                            + "b.value = '## Front line\\n\\nFighting resumed in **Layramoun** and the *Zahraa* district.';"
                            + "b.dispatchEvent(new Event('input', {bubbles: true}));");
            waiting(again)
                    .until(ExpectedConditions.textMatches(
                            By.id("autosave-status"), java.util.regex.Pattern.compile("Draft saved")));
            List<String> problems = new ArrayList<>();
            for (Dimension size : List.of(new Dimension(1366, 900), new Dimension(390, 844))) {
                again.manage().window().setSize(size);
                again.get(base() + "/newsroom/pieces/new");
                waiting(again).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#body-preview p")));
                for (String v : Axe.seriousViolations(again)) problems.add("editor @" + size.width + ": " + v);
                Object overflow = ((JavascriptExecutor) again)
                        .executeScript(
                                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
                assertThat(overflow)
                        .as("editor wider than the window at " + size.width)
                        .isEqualTo(false);
                if (size.width > 1000) {
                    again.findElement(By.id("standfirst"))
                            .sendKeys("Clashes resumed in the west of the city overnight.");
                    waiting(again)
                            .until(ExpectedConditions.textMatches(
                                    By.id("autosave-status"), java.util.regex.Pattern.compile("Draft saved")));
                    ((JavascriptExecutor) again)
                            .executeScript("document.getElementById('piece-form').scrollIntoView()");
                }
                screenshot(again, size, size.width > 1000 ? "editor.png" : "editor-phone.png");
            }
            assertThat(problems).isEmpty();
        } finally {
            again.quit();
        }
    }

    @Test
    void aPhotoInTheBodyAnArabicHeadlineTheLeadStoryAndARefusedSaveInChromium() throws Exception {
        autosaves.discard(EDITOR, 0);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String headline = "قصف على حلب " + tag;
        String caption = "Smoke over Layramoun " + tag;
        byte[] iptc = new WirePhotos.Iptc()
                .add(IptcDirectory.TAG_CAPTION, caption)
                .add(IptcDirectory.TAG_CREDIT, "REUTERS")
                .add(IptcDirectory.TAG_BY_LINE, "Staff Photographer")
                .bytes();
        Path file = Files.createTempFile("wire", ".jpg");
        Files.write(file, WirePhotos.jpegWith(900, 600, iptc, null));
        WebDriver browser = Browser.start();
        try {
            signIn(browser);
            browser.get(base() + "/newsroom/pieces/new");
            String formUrl = browser.getCurrentUrl();
            browser.findElement(By.id("headline")).sendKeys(headline);
            browser.findElement(By.id("body")).sendKeys("Before the photo.");

            // Upload in place: the page stays, the new photo appears in the picker, chosen as lead photo.
            browser.findElement(By.id("picker-file")).sendKeys(file.toString());
            browser.findElement(By.cssSelector("button[form=photo-upload]")).click();
            waiting(browser)
                    .until(ExpectedConditions.textMatches(
                            By.id("upload-status"), java.util.regex.Pattern.compile("Uploaded as photo #\\d+.*")));
            assertThat(browser.getCurrentUrl()).isEqualTo(formUrl);
            WebElement chosen = browser.findElement(By.cssSelector("input[name=leadPhotoId]:checked"));
            long photoId = Long.parseLong(chosen.getAttribute("value"));
            assertThat(photos.find(photoId).orElseThrow().caption()).isEqualTo(caption);
            assertThat(browser.findElement(By.cssSelector("li[data-photo='" + photoId + "'] img"))
                            .getAttribute("src"))
                    .contains("/media/");

            // Insert it in the body: the shortcode goes in, the preview shows the figure.
            browser.findElement(By.cssSelector("li[data-photo='" + photoId + "'] .insert-photo"))
                    .click();
            assertThat(browser.findElement(By.id("body")).getAttribute("value"))
                    .isEqualTo("Before the photo.\n\n[[photo:" + photoId + "]]");
            waiting(browser)
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.cssSelector("#body-preview figcaption"), caption));

            browser.findElement(By.id("leadStory")).click();
            new Select(browser.findElement(By.id("status"))).selectByValue("PUBLISHED");
            Browser.navigating(browser, () -> browser.findElement(By.id("save")).click());
            assertThat(browser.getCurrentUrl()).matches(".*/newsroom/pieces/\\d+$");
            assertThat(browser.findElement(By.id("slug")).getAttribute("value")).startsWith("qsf-ly-hlb-");
            long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/", ""));
            Piece saved = catalog.findById(id).orElseThrow();
            assertThat(saved.leadPhoto().id()).isEqualTo(photoId);

            // The public article has the figure with caption and credit; the home page leads with it.
            browser.get(base() + saved.path());
            WebElement figure = browser.findElement(By.cssSelector(".body figure.body-photo"));
            assertThat(figure.findElement(By.cssSelector("figcaption")).getText())
                    .contains(caption)
                    .containsIgnoringCase("Photo: REUTERS/Staff Photographer"); // the credit is set in capitals by CSS
            assertThat(((JavascriptExecutor) browser)
                            .executeScript(
                                    "return arguments[0].naturalWidth > 0", figure.findElement(By.tagName("img"))))
                    .isEqualTo(true);
            browser.get(base() + "/");
            assertThat(browser.findElement(By.cssSelector(".lead .teaser-headline"))
                            .getText())
                    .isEqualTo(headline);
            browser.get(base() + "/newsroom");
            assertThat(browser.findElement(By.xpath("//tr[td/a[text()='" + headline + "']]"))
                            .getText())
                    .containsIgnoringCase("(home page lead)");

            // A refused save, then a reload: the form is back with the typed text, not an error page.
            browser.get(base() + "/newsroom/pieces/" + id);
            ((JavascriptExecutor) browser)
                    .executeScript("var h = document.getElementById('headline');"
                            + "h.removeAttribute('required'); h.value = '';");
            browser.findElement(By.id("body")).sendKeys("\n\nA paragraph typed before the refusal.");
            Browser.navigating(browser, () -> browser.findElement(By.id("save")).click());
            assertThat(browser.findElement(By.id("form-errors")).getText()).contains("Write a headline.");
            Browser.navigating(browser, () -> browser.navigate().refresh());
            assertThat(browser.getPageSource()).doesNotContain("Something went wrong");
            assertThat(browser.findElement(By.id("body")).getAttribute("value"))
                    .endsWith("A paragraph typed before the refusal.");
            assertThat(catalog.findById(id).orElseThrow().headline()).isEqualTo(headline); // nothing half-saved
        } finally {
            browser.quit();
            Files.deleteIfExists(file);
        }
    }

    @Test
    void theRevisionPageFitsAPhone() throws Exception {
        PieceDraft d = draft("Long lines " + UUID.randomUUID(), "DRAFT");
        d.setBody("A-very-long-unbroken-line-" + "x".repeat(400) + "\n\n" + "word ".repeat(200));
        long id = editor.create(d, EDITOR);
        d.setBaseRevision("1");
        d.setBody(d.getBody() + "\n\nAnother line " + "y".repeat(300));
        editor.update(id, d, EDITOR);
        WebDriver browser = Browser.start();
        try {
            signIn(browser);
            browser.manage().window().setSize(new Dimension(390, 844));
            for (String page :
                    List.of("/newsroom/pieces/" + id + "/revisions/2", "/newsroom/pieces/" + id + "/revisions")) {
                browser.get(base() + page);
                Object overflow = ((JavascriptExecutor) browser)
                        .executeScript(
                                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
                assertThat(overflow).as(page + " wider than a phone").isEqualTo(false);
                assertThat(Axe.seriousViolations(browser)).as(page).isEmpty();
            }
        } finally {
            browser.quit();
        }
    }

    /** With -Dsitrep.screenshots=DIR (e.g. ../docs/screenshots) the test keeps its views for the docs. */
    static void screenshot(WebDriver browser, Dimension viewport, String name) throws Exception {
        String dir = System.getProperty("sitrep.screenshots");
        if (dir == null || dir.isBlank()) return;
        // The window includes the browser's own bars: grow it so the page itself is the size asked for.
        Object chrome =
                ((JavascriptExecutor) browser).executeScript("return (window.outerHeight - window.innerHeight)");
        int extra = chrome instanceof Number n ? n.intValue() : 0;
        browser.manage().window().setSize(new Dimension(viewport.width, viewport.height + extra));
        Files.createDirectories(Path.of(dir));
        Files.write(Path.of(dir, name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    static Document page(String html) {
        return Jsoup.parse(html);
    }
}
