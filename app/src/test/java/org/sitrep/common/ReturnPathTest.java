package org.sitrep.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code next} may only name a page of this site: every way to leave the site or split a header is refused. */
class ReturnPathTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "/news/front-line",
                "/",
                "/search?q=truce&page=2",
                "/subscribe?next=%2Fnews%2Fx",
                "/tags/syria",
                "/memos/%D8%B3%D9%84%D8%A7%D9%85"
            })
    void pathsOnThisSiteAreKept(String next) {
        assertThat(ReturnPath.of(next)).contains(next);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://evil.example/news/x",
                "http://evil.example",
                "//evil.example",
                "//evil.example/news",
                "/\\evil.example",
                "\\\\evil.example",
                "/\\/evil.example",
                "javascript:alert(1)",
                "data:text/html,x",
                "evil.example/news",
                "news/x",
                "/news/x\r\nSet-Cookie: a=b",
                "/news/x\nLocation: //evil.example",
                "/news/x\r",
                "/\t/evil.example",
                " /news/x",
                "/news/ x",
                "/%2F%2Fevil.example",
                "/%5Cevil.example",
                "/%2f/evil.example",
                "/news/x%0d%0aSet-Cookie:a=b",
                "/news/{x}",
                "/news/x#frag",
                "/signin",
                "/signin?next=/x",
                "/signin/link?token=abc",
                "/join?next=/x",
                "/signout",
                "/error",
                "/newsletters/unsubscribe?token=secret",
                "",
                "/%zz"
            })
    void everyOtherValueIsRefused(String next) {
        assertThat(ReturnPath.of(next)).as("next=%s", next).isEmpty();
    }

    @Test
    void aPathTooLongIsRefused() {
        assertThat(ReturnPath.of("/" + "a".repeat(ReturnPath.MAX_LENGTH))).isEmpty();
        assertThat(ReturnPath.of(null)).isEmpty();
    }

    @Test
    void theRefererCountsOnlyWhenItIsThisSite() {
        assertThat(ReturnPath.fromReferer("http://localhost:8080/news/x?a=1", "localhost", 8080))
                .contains("/news/x?a=1");
        assertThat(ReturnPath.fromReferer("https://news.example/news/x", "news.example", 443))
                .contains("/news/x");
        assertThat(ReturnPath.fromReferer("http://evil.example:8080/news/x", "localhost", 8080))
                .isEmpty();
        assertThat(ReturnPath.fromReferer("http://localhost:9999/news/x", "localhost", 8080))
                .isEmpty();
        assertThat(ReturnPath.fromReferer("http://localhost:8080//evil.example", "localhost", 8080))
                .isEmpty();
        assertThat(ReturnPath.fromReferer("not a url", "localhost", 8080)).isEmpty();
        assertThat(ReturnPath.fromReferer(null, "localhost", 8080)).isEmpty();
    }

    @Test
    void linksCarryNextEncodedAndOnlyWhenSafe() {
        assertThat(ReturnPath.link("/signin", "/news/x?a=1&b=2")).isEqualTo("/signin?next=%2Fnews%2Fx%3Fa%3D1%26b%3D2");
        assertThat(ReturnPath.link("/signin?error", "/news/x")).isEqualTo("/signin?error&next=%2Fnews%2Fx");
        assertThat(ReturnPath.link("/signin", "//evil.example")).isEqualTo("/signin");
        assertThat(ReturnPath.link("/signin", "/")).isEqualTo("/signin");
        assertThat(ReturnPath.link("/signin", null)).isEqualTo("/signin");
    }
}
