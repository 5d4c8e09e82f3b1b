package org.sitrep.newsroom;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/**
 * A piece as the editor's form holds it: plain strings, so that whatever was typed (a bad date, an
 * unknown kind) can be shown again with a message instead of failing to bind.
 */
public class PieceDraft {
    static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private String headline = "";
    private String standfirst = "";
    private String body = "";
    private String kind = PieceKind.NEWS.name();
    private String section = "";
    private String tags = "";
    private String authors = "";
    private String leadPhotoId = "";
    private String accessLevel = AccessLevel.PUBLIC.name();
    private String status = PieceStatus.DRAFT.name();
    private String publishAt = "";
    private String slug = "";
    private String baseRevision = "";
    private boolean leadStory;
    private String formToken = "";
    private String translator = "";
    private String leadPhotoCaption = "";

    /** The form for an existing piece, its publish time shown in the publication's zone. */
    public static PieceDraft of(Piece p, ZoneId zone) {
        PieceDraft d = new PieceDraft();
        d.headline = p.headline();
        d.standfirst = p.standfirst() == null ? "" : p.standfirst();
        d.body = p.bodyMarkdown();
        d.kind = p.kind().name();
        d.section = p.section() == null ? "" : p.section();
        d.tags = p.tags().stream().map(Tag::name).collect(Collectors.joining(", "));
        d.authors = p.authors().stream().map(Author::slug).collect(Collectors.joining(", "));
        d.leadPhotoId = p.leadPhoto() == null ? "" : Long.toString(p.leadPhoto().id());
        d.accessLevel = p.accessLevel().name();
        d.status = p.status().name();
        d.publishAt =
                p.publishAt() == null ? "" : LOCAL_INPUT.format(p.publishAt().atZone(zone));
        d.slug = p.slug();
        d.translator = p.translator() == null ? "" : p.translator();
        return d;
    }

    public String getHeadline() {
        return headline;
    }

    public void setHeadline(String v) {
        headline = v == null ? "" : v;
    }

    public String getStandfirst() {
        return standfirst;
    }

    public void setStandfirst(String v) {
        standfirst = v == null ? "" : v;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String v) {
        body = v == null ? "" : v;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String v) {
        kind = v == null ? "" : v;
    }

    public String getSection() {
        return section;
    }

    public void setSection(String v) {
        section = v == null ? "" : v;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String v) {
        tags = v == null ? "" : v;
    }

    public String getAuthors() {
        return authors;
    }

    public void setAuthors(String v) {
        authors = v == null ? "" : v;
    }

    public String getLeadPhotoId() {
        return leadPhotoId;
    }

    public void setLeadPhotoId(String v) {
        leadPhotoId = v == null ? "" : v;
    }

    public String getAccessLevel() {
        return accessLevel;
    }

    public void setAccessLevel(String v) {
        accessLevel = v == null ? "" : v;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String v) {
        status = v == null ? "" : v;
    }

    public String getPublishAt() {
        return publishAt;
    }

    public void setPublishAt(String v) {
        publishAt = v == null ? "" : v;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String v) {
        slug = v == null ? "" : v;
    }
    /** The revision the editor's form was opened at; a save over a colleague's newer one is refused. */
    public String getBaseRevision() {
        return baseRevision;
    }

    public void setBaseRevision(String v) {
        baseRevision = v == null ? "" : v;
    }
    /** Names one new-piece form, so an autosave still on its way after that form created the piece is ignored. */
    public String getFormToken() {
        return formToken;
    }

    public void setFormToken(String v) {
        formToken = v == null ? "" : v;
    }
    /** Who translated the piece (a translation's byline credit). */
    public String getTranslator() {
        return translator;
    }

    public void setTranslator(String v) {
        translator = v == null ? "" : v;
    }
    /** A translation's own caption for the lead photo; empty shows the photo's caption. */
    public String getLeadPhotoCaption() {
        return leadPhotoCaption;
    }

    public void setLeadPhotoCaption(String v) {
        leadPhotoCaption = v == null ? "" : v;
    }
    /** The home page's lead story. */
    public boolean isLeadStory() {
        return leadStory;
    }

    public void setLeadStory(boolean v) {
        leadStory = v;
    }
}
