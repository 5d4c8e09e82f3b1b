package org.sitrep.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sitrep.newsroom.PieceKind;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The article page: /{kind}/{slug}, for every kind of piece. Readers without a session are
 * usually served by {@link ArticleFastLane} before they get here; this serves the rest (signed-in
 * readers, a page not rendered yet, a piece that does not exist).
 */
@Controller
class ArticleController {
    private final ArticlePages pages;

    ArticleController(ArticlePages pages) {
        this.pages = pages;
    }

    @GetMapping("/{kind:news|analysis|memos|reports}/{slug}")
    ResponseEntity<byte[]> article(
            @PathVariable("kind") String kind,
            @PathVariable("slug") String slug,
            HttpServletRequest request,
            HttpServletResponse response) {
        ArticlePage page =
                pages.page(PieceKind.fromPath(kind).orElseThrow(), slug).orElseThrow(SitePages::notFound);
        // HEAD (link previewers, crawlers): that the page is there, and nothing of it. Not a read, so
        // the meter is not asked; and no body is composed whose length could tell anything.
        if (HttpMethod.HEAD.matches(request.getMethod()))
            return ResponseEntity.ok().contentType(SitePages.HTML).build();
        return ResponseEntity.ok().contentType(SitePages.HTML).body(pages.forReader(page, request, response));
    }
}
