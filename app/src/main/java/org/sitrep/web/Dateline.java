package org.sitrep.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.sitrep.common.SitrepProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and numbers as readers and staff see them: times stored in UTC, shown in the publication's zone
 * ({@code sitrep.zone}), in the language of the page (Spring's {@link LocaleContextHolder}: the edition's
 * locale once it is resolved from the address, English otherwise). The one formatter of the app: every
 * template has it as {@code dateline}, intel's {@code EventLabels} writes its dates with it.
 * <ul>
 *   <li>an article's dates: {@link #human} "25 November 2026, 05:10 EET";</li>
 *   <li>lists of pieces: {@link #day} "25 November 2026";</li>
 *   <li>tables on members, account and admin pages: {@link #when} "25 Nov 2026, 05:10" and {@link #date} "25 Nov 2026";</li>
 *   <li>counts and page numbers: {@link #number} "1,234";</li>
 *   <li>{@code <time datetime>}: {@link #iso} (always Latin digits: it is for machines).</li>
 * </ul>
 * English keeps the publisher's own patterns above; Arabic, Persian, Turkish and Hebrew use their CLDR forms
 * ("٧ ديسمبر ٢٠٢٦", "7 Aralık 2026"). Digits follow {@code sitrep.i18n.native-digits}: the languages listed
 * (by default Arabic and Persian) write Arabic-Indic digits (٠١٢ in Arabic, ۰۱۲ in Persian), every other
 * language Latin digits, so an edition can choose either without code.
 * The table forms take any stored time ({@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime},
 * a {@code LocalDateTime} read as UTC, a {@code LocalDate}) and show "" for none.
 */
@Component
public class Dateline {
    /** Languages with their own forms; any other locale reads as English (no half-translated dates). */
    public static final Set<String> LANGUAGES = Set.of("en", "ar", "fa", "tr", "he");

    private static final DateTimeFormatter HUMAN =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm zzz", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final SitrepProperties properties;
    private final Set<String> nativeDigits;
    private final Map<Locale, Forms> forms = new ConcurrentHashMap<>();

    public Dateline(SitrepProperties properties) {
        this(properties, Set.of("ar", "fa"));
    }

    @Autowired
    public Dateline(
            SitrepProperties properties, @Value("${sitrep.i18n.native-digits:ar,fa}") Set<String> nativeDigits) {
        this.properties = properties;
        this.nativeDigits = nativeDigits.stream()
                .map(l -> l.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The formats of one language, built once. */
    private record Forms(
            DateTimeFormatter human,
            DateTimeFormatter day,
            DateTimeFormatter when,
            DateTimeFormatter date,
            NumberFormat number) {
        NumberFormat numbers() {
            return (NumberFormat) number.clone(); // NumberFormat is not thread-safe; the clone is cheap
        }
    }

    private Forms forms() {
        // No locale context (a scheduled job, a mail sent in the background): English, not the server's own locale.
        LocaleContext context = LocaleContextHolder.getLocaleContext();
        Locale page = context == null ? null : context.getLocale();
        String language = page == null || !LANGUAGES.contains(page.getLanguage()) ? "en" : page.getLanguage();
        return forms.computeIfAbsent(Locale.forLanguageTag(language), this::formsOf);
    }

    private Forms formsOf(Locale language) {
        if (language.getLanguage().equals("en")) {
            return new Forms(HUMAN, DAY, SHORT, SHORT_DAY, NumberFormat.getIntegerInstance(Locale.UK));
        }
        // The numbering system is named in the locale (-u-nu-), so dates and numbers agree on their digits.
        String system = !nativeDigits.contains(language.getLanguage())
                ? "latn"
                : switch (language.getLanguage()) {
                    case "ar" -> "arab";
                    case "fa" -> "arabext";
                    default -> null;
                };
        Locale locale = system == null
                ? language
                : new Locale.Builder()
                        .setLocale(language)
                        .setUnicodeLocaleKeyword("nu", system)
                        .build();
        DecimalStyle digits = DecimalStyle.of(locale);
        return new Forms(
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                        .withLocale(locale)
                        .withDecimalStyle(digits),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(locale)
                        .withDecimalStyle(digits),
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale)
                        .withDecimalStyle(digits),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(locale)
                        .withDecimalStyle(digits),
                NumberFormat.getIntegerInstance(locale));
    }

    /** A count or a page number in the page's digits: "1,234", "١٬٢٣٤", "1.234"; "" for none. */
    public String number(Number n) {
        return n == null ? "" : forms().numbers().format(n.longValue());
    }

    /** For {@code <time datetime>}, JSON-LD and feeds: ISO 8601 with the zone's offset. */
    public String iso(Instant t) {
        return t == null
                ? ""
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        t.atZone(properties.zone()).toOffsetDateTime());
    }

    /** "25 November 2026, 05:10 EET". */
    public String human(Instant t) {
        return t == null ? "" : forms().human().format(t.atZone(properties.zone()));
    }

    /** "25 November 2026", for lists. */
    public String day(Instant t) {
        return t == null ? "" : forms().day().format(t.atZone(properties.zone()));
    }

    /** "25 Nov 2026, 05:10", for tables. */
    public String when(Object t) {
        Instant i = instant(t);
        if (i == null) return t instanceof LocalDate d ? forms().date().format(d) : "";
        return forms().when().format(i.atZone(properties.zone()));
    }

    /** "25 Nov 2026", for tables (a calendar date is shown as it is). */
    public String date(Object t) {
        if (t instanceof LocalDate d) return forms().date().format(d);
        Instant i = instant(t);
        return i == null ? "" : forms().date().format(i.atZone(properties.zone()));
    }

    /** ISO 8601 in the zone, for {@code <time datetime>}, from any stored time. */
    public String isoOf(Object t) {
        if (t instanceof LocalDate d) return d.toString();
        return iso(instant(t));
    }

    private static Instant instant(Object t) {
        if (t instanceof Instant i) return i;
        if (t instanceof OffsetDateTime o) return o.toInstant();
        if (t instanceof ZonedDateTime z) return z.toInstant();
        if (t instanceof LocalDateTime l) return l.toInstant(ZoneOffset.UTC);
        return null;
    }

    /** An update worth telling readers about: more than five minutes after it went live. */
    public boolean updatedAfter(Instant published, Instant updated) {
        return published != null && updated != null && updated.isAfter(published.plusSeconds(300));
    }
}
