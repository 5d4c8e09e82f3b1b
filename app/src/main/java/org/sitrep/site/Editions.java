package org.sitrep.site;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.sitrep.common.SettingsChanged;
import org.sitrep.members.SiteSettings;
import org.sitrep.web.Edition;
import org.sitrep.web.Language;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Which editions the site publishes: English always, and the languages an administrator turned on at
 * {@code /admin/editions}, kept as the setting {@value #SETTING} ("ar,tr"). Read on every prefixed
 * request, so it is kept in the page cache, which every settings change empties.
 */
@Component
public class Editions {
    static final String SETTING = "editions.enabled";

    private final SiteSettings settings;
    private final PageCache cache;
    private final ApplicationEventPublisher events;

    Editions(SiteSettings settings, PageCache cache, ApplicationEventPublisher events) {
        this.settings = settings;
        this.cache = cache;
        this.events = events;
    }

    /** English and every language turned on, in the order of {@link Language}. */
    public Set<Language> enabled() {
        return cache.get("editions:enabled", () -> parse(settings.get(SETTING, "")));
    }

    public boolean enabled(Language language) {
        return enabled().contains(language);
    }

    /** The editions on, as {@link Edition}s, English first: the switchers and the sitemaps' alternates. */
    public List<Edition> all() {
        return enabled().stream().map(Edition::of).toList();
    }

    /** Turns on exactly {@code languages} besides English, and drops every cached page (their links change). */
    @Transactional
    public void enable(Set<Language> languages) {
        String value = languages.stream()
                .filter(l -> l != Language.EN)
                .sorted()
                .map(Language::code)
                .collect(Collectors.joining(","));
        settings.put(SETTING, value);
        events.publishEvent(new SettingsChanged(Set.of(SETTING)));
    }

    /** The sample content's translations are in these languages: open their editions on a first start. */
    @org.springframework.context.event.EventListener
    public void samplesLoaded(org.sitrep.newsroom.SampleContentLoaded loaded) {
        Set<Language> on = EnumSet.copyOf(enabled());
        loaded.languages().stream()
                .map(Language::of)
                .flatMap(java.util.Optional::stream)
                .forEach(on::add);
        enable(on);
    }

    /** The edition of the request being served (English outside a request, or where no prefix was given). */
    public static Edition current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object edition =
                request == null ? null : request.getAttribute(Edition.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return edition instanceof Edition e ? e : Edition.ENGLISH;
    }

    /** Unknown codes in a hand-edited setting are ignored, never an error on every page. */
    static Set<Language> parse(String value) {
        Set<Language> on = EnumSet.of(Language.EN);
        Arrays.stream(value.split(","))
                .map(Language::of)
                .flatMap(java.util.Optional::stream)
                .forEach(on::add);
        return on;
    }
}
