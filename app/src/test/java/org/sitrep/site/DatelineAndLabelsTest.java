package org.sitrep.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sitrep.members.Role;
import org.sitrep.members.Subscriptions;
import org.sitrep.web.Dateline;
import org.springframework.context.i18n.LocaleContextHolder;

/** One date format per context, in the publication's zone and the page's language, from any stored time; enum values in words. */
class DatelineAndLabelsTest {
    static final org.sitrep.common.SitrepProperties BEIRUT_PROPERTIES = new org.sitrep.common.SitrepProperties(
            java.nio.file.Path.of("data"),
            "http://localhost:8080",
            "Sitrep",
            "tagline",
            ZoneId.of("Asia/Beirut"),
            false);
    static final Dateline BEIRUT = new Dateline(BEIRUT_PROPERTIES);
    // 05:58 UTC on 7 December is 07:58 in Beirut (UTC+2 in winter).
    static final Instant T = Instant.parse("2026-12-07T05:58:36.562461Z");

    @Test
    void everyKindOfStoredTimeIsShownTheSameWayInTheZone() {
        assertThat(BEIRUT.when(T)).isEqualTo("7 Dec 2026, 07:58");
        assertThat(BEIRUT.when(OffsetDateTime.ofInstant(T, ZoneOffset.UTC))).isEqualTo("7 Dec 2026, 07:58");
        assertThat(BEIRUT.when(T.atZone(ZoneId.of("America/New_York")))).isEqualTo("7 Dec 2026, 07:58");
        assertThat(BEIRUT.when(LocalDateTime.ofInstant(T, ZoneOffset.UTC)))
                .as("a LocalDateTime is UTC")
                .isEqualTo("7 Dec 2026, 07:58");
        assertThat(BEIRUT.date(T)).isEqualTo("7 Dec 2026");
        assertThat(BEIRUT.date(LocalDate.of(2027, 1, 1))).isEqualTo("1 Jan 2027");
        // 23:30 UTC on 31 December is already the new year in Beirut.
        assertThat(BEIRUT.date(Instant.parse("2026-12-31T23:30:00Z"))).isEqualTo("1 Jan 2027");
        assertThat(BEIRUT.human(T)).isEqualTo("7 December 2026, 07:58 EET");
        assertThat(BEIRUT.day(T)).isEqualTo("7 December 2026");
        assertThat(BEIRUT.isoOf(OffsetDateTime.ofInstant(T, ZoneOffset.UTC)))
                .isEqualTo("2026-12-07T07:58:36.562461+02:00");
        assertThat(BEIRUT.when(null)).isEmpty();
        assertThat(BEIRUT.date("2026-12-07")).as("text is not a time").isEmpty();
    }

    @Test
    void datesAndNumbersAreWrittenInThePagesLanguage() {
        try {
            LocaleContextHolder.setLocale(Locale.forLanguageTag("ar"));
            assertThat(BEIRUT.day(T)).as("Arabic-Indic digits by default").isEqualTo("٧ ديسمبر ٢٠٢٦");
            assertThat(BEIRUT.number(12345)).isEqualTo("١٢٬٣٤٥");
            assertThat(BEIRUT.human(T)).contains("٧ ديسمبر ٢٠٢٦").contains("٧:٥٨");
            assertThat(BEIRUT.iso(T)).as("for machines: Latin digits").isEqualTo("2026-12-07T07:58:36.562461+02:00");
            LocaleContextHolder.setLocale(Locale.forLanguageTag("fa-IR"));
            assertThat(BEIRUT.day(T)).as("Persian digits").isEqualTo("۷ دسامبر ۲۰۲۶");
            assertThat(BEIRUT.number(3)).isEqualTo("۳");
            LocaleContextHolder.setLocale(Locale.forLanguageTag("tr"));
            assertThat(BEIRUT.day(T)).isEqualTo("7 Aralık 2026");
            assertThat(BEIRUT.number(12345)).isEqualTo("12.345");
            LocaleContextHolder.setLocale(Locale.forLanguageTag("he"));
            assertThat(BEIRUT.day(T)).isEqualTo("7 בדצמבר 2026");
            assertThat(BEIRUT.date(LocalDate.of(2027, 1, 1)))
                    .doesNotContain("Jan")
                    .contains("2027");
            LocaleContextHolder.setLocale(Locale.GERMAN);
            assertThat(BEIRUT.day(T))
                    .as("a language without an edition reads English")
                    .isEqualTo("7 December 2026");
            assertThat(BEIRUT.number(12345)).isEqualTo("12,345");
            LocaleContextHolder.setLocale(Locale.ENGLISH);
            assertThat(BEIRUT.number(null)).isEmpty();
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void anEditionChoosesItsDigits() {
        // sitrep.i18n.native-digits=fa: Arabic then writes 0-9, Persian keeps its own; Turkish listed changes nothing.
        Dateline persianOnly = new Dateline(BEIRUT_PROPERTIES, Set.of("fa", "tr"));
        try {
            LocaleContextHolder.setLocale(Locale.forLanguageTag("ar"));
            assertThat(persianOnly.day(T)).isEqualTo("7 ديسمبر 2026");
            assertThat(persianOnly.number(12345)).isEqualTo("12,345");
            LocaleContextHolder.setLocale(Locale.forLanguageTag("fa"));
            assertThat(persianOnly.day(T)).isEqualTo("۷ دسامبر ۲۰۲۶");
            LocaleContextHolder.setLocale(Locale.forLanguageTag("tr"));
            assertThat(persianOnly.day(T)).isEqualTo("7 Aralık 2026");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void enumValuesReadAsWords() {
        Labels labels = new Labels();
        assertThat(labels.of(Subscriptions.State.PAST_DUE)).isEqualTo("Past due");
        assertThat(labels.of(Subscriptions.State.CANCELED)).isEqualTo("Cancelled");
        assertThat(labels.of(Subscriptions.State.ACTIVE)).isEqualTo("Active");
        assertThat(labels.of(Role.MEMBER)).isEqualTo("Free member");
        assertThat(labels.of(Role.ADMIN)).isEqualTo("Administrator");
        assertThat(labels.of(Role.ANALYST)).isEqualTo("Analyst");
        assertThat(labels.of(null)).isEmpty();
    }
}
