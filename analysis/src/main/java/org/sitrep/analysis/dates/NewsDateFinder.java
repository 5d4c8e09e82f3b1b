package org.sitrep.analysis.dates;

import static java.time.temporal.TemporalAdjusters.previousOrSame;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.sitrep.analysis.DateRange;
import org.sitrep.analysis.Span;
import org.sitrep.analysis.text.CleanText;

/**
 * Finds dates and periods in news text and resolves them against the publication date, the way a
 * wire reporter means them: "on Tuesday" is the most recent Tuesday up to publication, "in March"
 * the most recent March not after it, "late March" the 21st to the end of the month, "last week" the
 * previous calendar week, "in recent days" the seven days up to publication.
 *
 * <p>Ranges never reach past the publication date: they are clamped to it, and a period that lies
 * wholly in the future ("next week", "in 2030") yields nothing. Patterns are linear (no nested
 * quantifiers), so hostile input cannot make matching backtrack catastrophically. Thread-safe.
 */
public final class NewsDateFinder implements DateFinder {
    private static final String MONTH = "(?<month>January|February|March|April|May|June|July|August|September|"
            + "October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|"
            + "Nov\\.?|Dec\\.?)";
    private static final String WEEKDAY_PREFIX =
            "(?:(?:[Oo]n\\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thurs|Fri|Sat|Sun)\\.?,?\\s+)?";
    private static final String NUMBER = "(?<n>\\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
            + "eleven|twelve|a few|a couple of|several|few)";
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("a", 1),
            Map.entry("an", 1),
            Map.entry("one", 1),
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("eight", 8),
            Map.entry("nine", 9),
            Map.entry("ten", 10),
            Map.entry("eleven", 11),
            Map.entry("twelve", 12),
            Map.entry("a couple of", 2));

    private record Rule(int anchors, Pattern pattern, BiFunction<Matcher, LocalDate, @Nullable Range> resolve) {}

    // Kinds of anchor word; a rule runs only in windows holding one of the kinds it needs.
    private static final int DIGITS = 1;
    private static final int MONTHS = 2;
    private static final int WEEKDAYS = 4;
    private static final int DAY_WORDS = 8;
    private static final int UNITS = 16;
    private static final int SEASONS = 32;

    private record Range(LocalDate earliest, LocalDate latest) {}

    private record Found(int start, int end, Range range) {}

    private static final List<Rule> RULES = List.of(
            // 2014-03-24
            rule(
                    DIGITS,
                    "\\b(?<y>\\d{4})-(?<m>\\d{2})-(?<d>\\d{2})\\b",
                    (m, pub) -> day(date(num(m, "y"), num(m, "m"), num(m, "d")))),
            // (Monday,) March 24(, 2014)
            rule(
                    MONTHS,
                    "\\b" + WEEKDAY_PREFIX + MONTH + "\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(?<y>\\d{4})\\b)?",
                    (m, pub) -> monthDay(m, pub)),
            // (Monday,) 24 March( 2014), the 24th of March
            rule(
                    MONTHS,
                    "\\b" + WEEKDAY_PREFIX + "(?:the\\s+)?(?<d>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH
                            + "\\b(?:,?\\s+(?<y>\\d{4})\\b)?",
                    (m, pub) -> monthDay(m, pub)),
            // (since|in) (early|mid|late) March (2014)
            rule(
                    MONTHS,
                    "\\b(?:(?<prep>[Ss]ince|[Ii]n|[Dd]uring|[Uu]ntil|[Tt]hrough|[Tt]hroughout|[Bb]y|[Ff]rom|[Oo]f|[Ll]ast|"
                            + "[Tt]his|[Bb]etween)\\s+)?"
                            + "(?:(?<part>[Ee]arly|[Mm]id|[Ll]ate)(?:-|\\s+))?" + MONTH
                            + "\\b(?:,?\\s+(?<y>\\d{4})\\b)?",
                    NewsDateFinder::month),
            // (in|since) (early|mid|late) 2013
            rule(
                    DIGITS,
                    "\\b(?<prep>[Ss]ince|[Ii]n|[Dd]uring|[Tt]hroughout|[Bb]y|[Uu]ntil|[Ff]rom|[Oo]f|[Ss]ince\\s+early|"
                            + "[Ee]arly|[Mm]id|[Mm]id-|[Ll]ate|[Ii]n\\s+early|[Ii]n\\s+mid|[Ii]n\\s+late)\\s*(?<y>(?:19|20)\\d{2})\\b",
                    NewsDateFinder::year),
            // (on|last) Tuesday (night)
            rule(
                    WEEKDAYS,
                    "\\b(?:(?<prep>[Oo]n|[Ll]ast|[Ss]ince|[Ee]arly|[Ll]ate)\\s+)?(?<wd>Monday|Tuesday|Wednesday|Thursday|"
                            + "Friday|Saturday|Sunday)(?:'s)?\\b(?:\\s+(?:morning|afternoon|evening|night)\\b)?",
                    NewsDateFinder::weekday),
            // (between) Monday and Wednesday
            rule(
                    WEEKDAYS,
                    "\\b(?:[Bb]etween\\s+|[Ff]rom\\s+|[Oo]n\\s+)?(?<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
                            + "\\s+(?:and|to|until)\\s+(?<wd2>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b",
                    NewsDateFinder::weekdays),
            // between December and February (2020), from March to May
            rule(
                    MONTHS,
                    "\\b(?:[Bb]etween|[Ff]rom)\\s+" + MONTH + "(?:,?\\s+(?<y>\\d{4}))?\\s+(?:and|to|until|through)\\s+"
                            + MONTH.replace("?<month>", "?<month2>") + "\\b(?:,?\\s+(?<y2>\\d{4})\\b)?",
                    NewsDateFinder::months),
            // at the end of February, the beginning of March
            rule(
                    MONTHS,
                    "(?i)\\b(?:at|by|towards?|until|in)\\s+the\\s+(?<edge>end|beginning|start|middle)\\s+of\\s+" + MONTH
                            + "\\b(?:,?\\s+(?<y>\\d{4})\\b)?",
                    NewsDateFinder::monthEdge),
            // the first week of February
            rule(
                    MONTHS,
                    "(?i)\\b(?:in\\s+|during\\s+)?the\\s+(?<nth>first|second|third|fourth|last|final)\\s+week\\s+of\\s+"
                            + MONTH + "\\b(?:,?\\s+(?<y>\\d{4})\\b)?",
                    NewsDateFinder::weekOfMonth),
            rule(
                    DAY_WORDS,
                    "(?i)\\b(?:overnight|(?:since|from|at|before|after)\\s+dawn|by\\s+(?:midday|noon|nightfall))\\b",
                    (m, pub) -> m.group().toLowerCase(Locale.ROOT).startsWith("overnight")
                            ? new Range(pub.minusDays(1), pub)
                            : day(pub)),
            rule(DAY_WORDS, "(?i)\\b(?:today|tonight|this (?:morning|afternoon|evening))\\b", (m, pub) -> day(pub)),
            rule(DAY_WORDS, "(?i)\\b(?:yesterday|last night)\\b", (m, pub) -> day(pub.minusDays(1))),
            rule(DAY_WORDS, "(?i)\\bthe day before yesterday\\b", (m, pub) -> day(pub.minusDays(2))),
            rule(UNITS, "(?i)\\b" + NUMBER + "\\s+(?<unit>day|week|month|year)s?\\s+ago\\b", NewsDateFinder::ago),
            rule(
                    UNITS,
                    "(?i)\\b(?:(?<early>earlier|later)\\s+)?(?<which>last|this|past)\\s+(?<unit>week|month|year|weekend)\\b",
                    NewsDateFinder::calendar),
            rule(
                    UNITS,
                    "(?i)\\b(?:in|over|during|within|for)\\s+(?:the\\s+)?(?:past|last|previous)\\s+(?:" + NUMBER
                            + "\\s+)?" + "(?<unit>hour|day|week|month|year)s?\\b",
                    NewsDateFinder::past),
            rule(
                    UNITS,
                    "(?i)\\b(?:in|over|during)\\s+(?:the\\s+)?recent\\s+(?<unit>day|week|month)s\\b",
                    NewsDateFinder::recent),
            rule(UNITS, "(?i)\\b(?:over|at|during)\\s+the\\s+weekend\\b", (m, pub) -> weekend(pub, false)),
            rule(
                    SEASONS,
                    "(?i)\\b(?:(?<prep>in|during|since|last|this|over|by|of)\\s+(?:the\\s+)?)?(?:(?<part>early|late)\\s+)?"
                            + "(?<season>spring|summer|autumn|fall|winter)\\b(?:\\s+(?:of\\s+)?(?<y>(?:19|20)\\d{2})\\b)?",
                    NewsDateFinder::season));

    private static Rule rule(int anchors, String regex, BiFunction<Matcher, LocalDate, @Nullable Range> resolve) {
        return new Rule(anchors, Pattern.compile(regex), resolve);
    }

    @Override
    public List<TimeExpression> find(CleanText text) {
        return find(text.text(), text.published());
    }

    /** Time expressions in {@code text}, in order, resolved against {@code published}. */
    public List<TimeExpression> find(String text, LocalDate published) {
        List<Found> found = new ArrayList<>();
        // The rules run only in windows around anchor words (month and day names, numbers, "yesterday",
        // "week", ...): scanning every position of every article with every rule was the slowest part.
        List<int[]> windows = anchorWindows(text);
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(text);
            m.useTransparentBounds(true).useAnchoringBounds(false);
            for (int[] w : windows) {
                if ((w[2] & rule.anchors()) == 0) continue;
                m.region(w[0], w[1]);
                while (m.find()) {
                    Range r;
                    try {
                        r = rule.resolve().apply(m, published);
                    } catch (DateTimeException | NumberFormatException impossible) {
                        r = null; // "February 30", a year 0000: not a date
                    }
                    if (r != null) found.add(new Found(m.start(), m.end(), r));
                }
            }
        }
        found.sort(Comparator.comparingInt(Found::start).thenComparing(f -> -(f.end() - f.start())));
        List<TimeExpression> out = new ArrayList<>();
        int covered = 0;
        for (Found f : found) {
            if (f.start() < covered) continue;
            covered = f.end();
            Range r = f.range();
            if (r.earliest().isAfter(published)) continue; // a future-looking phrase dates no event
            LocalDate latest = r.latest().isAfter(published) ? published : r.latest();
            out.add(new TimeExpression(
                    new Span(f.start(), f.end()),
                    new DateRange(r.earliest(), latest, text.substring(f.start(), f.end()))));
        }
        return out;
    }

    private static final int BEFORE = 45;
    private static final int AFTER = 25;
    private static final Map<String, Integer> ANCHORS = anchors();

    private static Map<String, Integer> anchors() {
        Map<String, Integer> m = new java.util.HashMap<>();
        for (String w : List.of(
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
                "jan",
                "feb",
                "mar",
                "apr",
                "jun",
                "jul",
                "aug",
                "sep",
                "sept",
                "oct",
                "nov",
                "dec")) m.put(w, MONTHS);
        for (String w : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
            m.put(w, WEEKDAYS);
        for (String w : List.of(
                "today",
                "tonight",
                "yesterday",
                "night",
                "morning",
                "afternoon",
                "evening",
                "overnight",
                "dawn",
                "midday",
                "noon",
                "nightfall")) m.put(w, DAY_WORDS);
        for (String w :
                List.of("ago", "day", "days", "week", "weeks", "month", "months", "year", "years", "weekend", "hours"))
            m.put(w, UNITS);
        for (String w : List.of("spring", "summer", "autumn", "fall", "winter")) m.put(w, SEASONS);
        return Map.copyOf(m);
    }

    /** Merged [start, end, kinds of anchor] windows around every anchor word. */
    static List<int[]> anchorWindows(String text) {
        List<int[]> windows = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int start = i;
            boolean digits = Character.isDigit(c);
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) i++;
            int length = i - start;
            int kind = 0;
            if (digits) {
                if (length <= 4) kind = DIGITS;
            } else if (length >= 3 && length <= 9) {
                Integer k = ANCHORS.get(text.substring(start, i).toLowerCase(Locale.ROOT));
                if (k != null) kind = k;
            }
            if (kind == 0) continue;
            int from = Math.max(0, start - BEFORE);
            int to = Math.min(n, i + AFTER);
            int[] last = windows.isEmpty() ? null : windows.get(windows.size() - 1);
            if (last != null && from <= last[1]) {
                last[1] = Math.max(last[1], to);
                last[2] |= kind;
            } else {
                windows.add(new int[] {from, to, kind});
            }
        }
        return windows;
    }

    // ---- resolvers ----

    private static Range monthDay(Matcher m, LocalDate pub) {
        int month = month(m.group("month"));
        int day = num(m, "d");
        if (m.group("y") != null) return day(date(num(m, "y"), month, day));
        LocalDate d = date(pub.getYear(), month, day);
        return day(d.isAfter(pub) ? d.minusYears(1) : d);
    }

    private static @Nullable Range month(Matcher m, LocalDate pub) {
        String name = m.group("month");
        String prep = lower(m.group("prep"));
        String part = lower(m.group("part"));
        boolean hasYear = m.group("y") != null;
        // Bare capitalised words: "May" is a verb, "March" a noun, unless a preposition, part or year says otherwise.
        if (prep == null && part == null && !hasYear) return null;
        if (name.endsWith(".") && !hasYear && prep == null) return null;
        int month = month(name);
        YearMonth ym;
        if (hasYear) {
            ym = YearMonth.of(num(m, "y"), month);
        } else {
            ym = YearMonth.of(pub.getYear(), month);
            if (ym.atDay(1).isAfter(pub)) ym = ym.minusYears(1);
            if ("last".equals(prep) && !ym.atDay(1).isBefore(YearMonth.from(pub).atDay(1))) ym = ym.minusYears(1);
        }
        LocalDate from = ym.atDay(1);
        LocalDate to = ym.atEndOfMonth();
        if ("early".equals(part)) to = ym.atDay(10);
        else if ("mid".equals(part)) {
            from = ym.atDay(11);
            to = ym.atDay(20);
        } else if ("late".equals(part)) from = ym.atDay(21);
        if (prep != null && prep.startsWith("since")) return new Range(from, pub);
        return new Range(from, to);
    }

    private static Range year(Matcher m, LocalDate pub) {
        String prep = lower(m.group("prep")).replaceAll("\\s+", " ");
        int y = num(m, "y");
        LocalDate from = LocalDate.of(y, 1, 1);
        LocalDate to = LocalDate.of(y, 12, 31);
        if (prep.endsWith("early")) to = LocalDate.of(y, 4, 30);
        else if (prep.endsWith("mid") || prep.endsWith("mid-")) {
            from = LocalDate.of(y, 5, 1);
            to = LocalDate.of(y, 8, 31);
        } else if (prep.endsWith("late")) from = LocalDate.of(y, 9, 1);
        if (prep.startsWith("since")) return new Range(from, pub);
        return new Range(from, to);
    }

    private static Range weekday(Matcher m, LocalDate pub) {
        DayOfWeek dow = DayOfWeek.valueOf(m.group("wd").toUpperCase(Locale.ROOT));
        // Wire convention (AP, Reuters): the day of the week stands for any of the last seven days,
        // the publication day included ("said on Thursday" in Thursday's story is that day).
        LocalDate d = pub.with(previousOrSame(dow));
        if ("since".equals(lower(m.group("prep")))) return new Range(d, pub);
        return day(d);
    }

    private static Range weekdays(Matcher m, LocalDate pub) {
        LocalDate last =
                pub.with(previousOrSame(DayOfWeek.valueOf(m.group("wd2").toUpperCase(Locale.ROOT))));
        LocalDate first =
                last.with(previousOrSame(DayOfWeek.valueOf(m.group("wd").toUpperCase(Locale.ROOT))));
        return new Range(first, last);
    }

    private static Range months(Matcher m, LocalDate pub) {
        int first = month(m.group("month"));
        int second = month(m.group("month2"));
        YearMonth to;
        if (m.group("y2") != null) {
            to = YearMonth.of(num(m, "y2"), second);
        } else {
            to = YearMonth.of(pub.getYear(), second);
            if (to.atDay(1).isAfter(pub)) to = to.minusYears(1);
        }
        YearMonth from = m.group("y") != null ? YearMonth.of(num(m, "y"), first) : YearMonth.of(to.getYear(), first);
        if (from.isAfter(to)) from = from.minusYears(1); // "between December and February"
        return new Range(from.atDay(1), to.atEndOfMonth());
    }

    private static Range monthEdge(Matcher m, LocalDate pub) {
        int month = month(m.group("month"));
        YearMonth ym = m.group("y") != null ? YearMonth.of(num(m, "y"), month) : YearMonth.of(pub.getYear(), month);
        if (m.group("y") == null && ym.atDay(1).isAfter(pub)) ym = ym.minusYears(1);
        return switch (m.group("edge").toLowerCase(Locale.ROOT)) {
            case "end" -> new Range(ym.atDay(21), ym.atEndOfMonth());
            case "middle" -> new Range(ym.atDay(11), ym.atDay(20));
            default -> new Range(ym.atDay(1), ym.atDay(10));
        };
    }

    private static Range weekOfMonth(Matcher m, LocalDate pub) {
        int month = month(m.group("month"));
        YearMonth ym = m.group("y") != null ? YearMonth.of(num(m, "y"), month) : YearMonth.of(pub.getYear(), month);
        if (m.group("y") == null && ym.atDay(1).isAfter(pub)) ym = ym.minusYears(1);
        String nth = m.group("nth").toLowerCase(Locale.ROOT);
        if (nth.equals("last") || nth.equals("final"))
            return new Range(ym.atEndOfMonth().minusDays(6), ym.atEndOfMonth());
        int k =
                switch (nth) {
                    case "first" -> 0;
                    case "second" -> 1;
                    case "third" -> 2;
                    default -> 3;
                };
        return new Range(ym.atDay(1 + 7 * k), ym.atDay(Math.min(7 + 7 * k, ym.lengthOfMonth())));
    }

    private static Range ago(Matcher m, LocalDate pub) {
        String n = m.group("n").toLowerCase(Locale.ROOT);
        String unit = m.group("unit").toLowerCase(Locale.ROOT);
        boolean vague = n.equals("a few") || n.equals("few") || n.equals("several");
        if (vague) {
            return switch (unit) {
                case "day" -> new Range(pub.minusDays(7), pub.minusDays(2));
                case "week" -> new Range(pub.minusWeeks(6), pub.minusWeeks(2));
                case "month" -> new Range(pub.minusMonths(6).withDayOfMonth(1), pub.minusMonths(2));
                default -> new Range(LocalDate.of(pub.getYear() - 6, 1, 1), LocalDate.of(pub.getYear() - 2, 12, 31));
            };
        }
        int k = count(n);
        return switch (unit) {
            case "day" -> day(pub.minusDays(k));
            case "week" -> new Range(pub.minusDays(7L * k + 3), pub.minusDays(Math.max(0, 7L * k - 3)));
            // "a month ago", "a year ago": about then, give or take a fortnight / a month
            case "month" ->
                new Range(pub.minusMonths(k).minusDays(15), pub.minusMonths(k).plusDays(15));
            default ->
                new Range(pub.minusYears(k).minusMonths(1), pub.minusYears(k).plusMonths(1));
        };
    }

    private static @Nullable Range calendar(Matcher m, LocalDate pub) {
        String which = m.group("which").toLowerCase(Locale.ROOT);
        String unit = m.group("unit").toLowerCase(Locale.ROOT);
        boolean earlier = "earlier".equalsIgnoreCase(m.group("early"));
        boolean last = which.equals("last") || which.equals("past");
        if (m.group("early") != null && !earlier) return null; // "later this week" looks ahead
        switch (unit) {
            case "week" -> {
                LocalDate monday = pub.with(previousOrSame(DayOfWeek.MONDAY));
                if (last) return new Range(monday.minusWeeks(1), monday.minusDays(1));
                return new Range(monday, earlier && pub.isAfter(monday) ? pub.minusDays(1) : pub);
            }
            case "month" -> {
                YearMonth ym = YearMonth.from(pub);
                if (last)
                    return new Range(
                            ym.minusMonths(1).atDay(1), ym.minusMonths(1).atEndOfMonth());
                return new Range(ym.atDay(1), pub);
            }
            case "year" -> {
                if (last)
                    return new Range(LocalDate.of(pub.getYear() - 1, 1, 1), LocalDate.of(pub.getYear() - 1, 12, 31));
                return new Range(LocalDate.of(pub.getYear(), 1, 1), pub);
            }
            default -> {
                return weekend(pub, last);
            }
        }
    }

    private static @Nullable Range past(Matcher m, LocalDate pub) {
        String n = m.group("n") == null ? null : m.group("n").toLowerCase(Locale.ROOT);
        String unit = m.group("unit").toLowerCase(Locale.ROOT);
        if (unit.equals("hour")) return new Range(pub.minusDays(1), pub); // "in the past 24 hours"
        boolean vague = n == null || n.equals("a few") || n.equals("few") || n.equals("several");
        if (unit.equals("day") && vague) return new Range(pub.minusDays(7), pub);
        int k = vague ? (n == null ? 1 : 3) : count(n);
        return switch (unit) {
            case "day" -> new Range(pub.minusDays(k), pub);
            case "week" -> new Range(pub.minusWeeks(k), pub);
            case "month" -> new Range(pub.minusMonths(k), pub);
            default -> new Range(pub.minusYears(k), pub);
        };
    }

    private static Range recent(Matcher m, LocalDate pub) {
        return switch (m.group("unit").toLowerCase(Locale.ROOT)) {
            case "day" -> new Range(pub.minusDays(7), pub);
            case "week" -> new Range(pub.minusWeeks(4), pub);
            default -> new Range(pub.minusMonths(3), pub);
        };
    }

    /** The most recent Saturday and Sunday on or before publication; "last weekend" in a weekend paper, the one before. */
    private static Range weekend(LocalDate pub, boolean previous) {
        LocalDate saturday = pub.with(previousOrSame(DayOfWeek.SATURDAY));
        if (previous && !pub.isAfter(saturday.plusDays(1))) saturday = saturday.minusWeeks(1);
        return new Range(saturday, saturday.plusDays(1));
    }

    private static @Nullable Range season(Matcher m, LocalDate pub) {
        String prep = lower(m.group("prep"));
        String part = lower(m.group("part"));
        boolean hasYear = m.group("y") != null;
        if (prep == null && !hasYear) return null; // "the Arab Spring", "a long summer of talks"
        String season = m.group("season").toLowerCase(Locale.ROOT);
        int startMonth =
                switch (season) {
                    case "spring" -> 3;
                    case "summer" -> 6;
                    case "autumn", "fall" -> 9;
                    default -> 12;
                };
        YearMonth start;
        if (hasYear) {
            int y = num(m, "y");
            start = YearMonth.of(startMonth == 12 ? y - 1 : y, startMonth); // "winter 2014": Dec 2013 - Feb 2014
        } else {
            start = YearMonth.of(pub.getYear(), startMonth);
            while (start.atDay(1).isAfter(pub)) start = start.minusYears(1);
            if ("last".equals(prep) && !start.plusMonths(2).atEndOfMonth().isBefore(pub)) start = start.minusYears(1);
        }
        LocalDate from = start.atDay(1);
        LocalDate to = start.plusMonths(2).atEndOfMonth();
        if ("early".equals(part)) to = start.atEndOfMonth();
        else if ("late".equals(part)) from = start.plusMonths(2).atDay(1);
        if ("since".equals(prep)) return new Range(from, pub);
        return new Range(from, to);
    }

    // ---- helpers ----

    private static Range day(LocalDate d) {
        return new Range(d, d);
    }

    private static LocalDate date(int y, int m, int d) {
        return LocalDate.of(y, m, d);
    }

    private static int num(Matcher m, String group) {
        return Integer.parseInt(m.group(group));
    }

    private static int count(String n) {
        Integer k = NUMBERS.get(n);
        return k != null ? k : Integer.parseInt(n);
    }

    private static @Nullable String lower(@Nullable String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static int month(String name) {
        String key = name.replace(".", "").toUpperCase(Locale.ROOT);
        if (key.equals("SEPT")) key = "SEP";
        for (Month month : Month.values()) {
            if (month.name().startsWith(key)) return month.getValue();
        }
        throw new DateTimeException("not a month: " + name);
    }
}
