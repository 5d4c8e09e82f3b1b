package org.sitrep.bench.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic conflict news articles of about 800 words for benchmarks: a headline, a standfirst and
 * wire-style paragraphs of attacks, shelling, captures and quotes, with real place and actor names
 * and relative dates. Deterministic for a given seed. Not for evaluation: the sentences are
 * templates, only their load on the engine is realistic.
 */
public final class ConflictArticles {
    private static final String[][] PLACES = {
        {"Aleppo", "Syria"},
        {"Homs", "Syria"},
        {"Idlib", "Syria"},
        {"Kessab", "Syria"},
        {"Daraa", "Syria"},
        {"Deir ez-Zor", "Syria"},
        {"Raqqa", "Syria"},
        {"Douma", "Syria"},
        {"Mosul", "Iraq"},
        {"Fallujah", "Iraq"},
        {"Ramadi", "Iraq"},
        {"Tikrit", "Iraq"},
        {"Kirkuk", "Iraq"},
        {"Sanaa", "Yemen"},
        {"Aden", "Yemen"},
        {"Taiz", "Yemen"},
        {"Hodeidah", "Yemen"},
        {"Benghazi", "Libya"},
        {"Tripoli", "Libya"},
        {"Sirte", "Libya"},
        {"Misrata", "Libya"},
        {"Gaza City", "Gaza"},
        {"Khan Younis", "Gaza"},
        {"Rafah", "Gaza"},
        {"Jenin", "the West Bank"},
        {"Nablus", "the West Bank"},
        {"Sidon", "Lebanon"},
        {"Tripoli", "Lebanon"},
        {"Arsal", "Lebanon"}
    };
    private static final String[] ATTACKERS = {
        "Syrian government forces",
        "the Syrian army",
        "rebels",
        "Islamic State fighters",
        "ISIS militants",
        "Nusra Front fighters",
        "the Free Syrian Army",
        "Kurdish YPG fighters",
        "Iraqi security forces",
        "Shiite militias",
        "Houthi rebels",
        "forces loyal to President Hadi",
        "the Saudi-led coalition",
        "Haftar's Libyan National Army",
        "Misrata brigades",
        "Israeli forces",
        "Hamas militants",
        "Hezbollah fighters",
        "pro-government militiamen",
        "jihadists",
        "regime troops",
        "tribal fighters"
    };
    private static final String[] ATTACKS = {
        "shelled",
        "attacked",
        "bombed",
        "stormed",
        "ambushed",
        "besieged",
        "captured",
        "seized",
        "raided",
        "launched an offensive on",
        "fired rockets at",
        "carried out airstrikes on",
        "clashed with defenders of",
        "withdrew from",
        "retook",
        "overran checkpoints around"
    };
    private static final String[] DATES = {
        "on Tuesday",
        "on Sunday",
        "yesterday",
        "overnight",
        "last week",
        "earlier this month",
        "in late March",
        "on March 12",
        "in recent days",
        "over the weekend",
        "two days ago",
        "since January",
        "in early February",
        "on Friday evening",
        "this week"
    };
    private static final String[] SOURCES = {
        "activists said",
        "the Syrian Observatory for Human Rights said",
        "state media reported",
        "a military " + "spokesman said",
        "residents told Reuters by telephone",
        "according to local officials",
        "medics said",
        "a security source said",
        "witnesses said",
        "the United Nations said"
    };
    private static final String[] VICTIMS = {
        "at least 12 civilians", "five soldiers", "a family of seven", "dozens of fighters", "two children",
        "three paramedics", "at least 30 people", "several militiamen", "a local commander", "four journalists"
    };
    private static final String[] BACKGROUND = {
        "The fighting is part of a wider struggle for control of the province, which has changed hands several "
                + "times since the conflict began.",
        "Aid agencies have warned that tens of thousands of people are trapped without food, water or medical care, "
                + "and that the main road into the area has been cut for weeks.",
        "Analysts say the offensive is meant to secure supply lines before talks resume in Geneva, although "
                + "diplomats expect little progress.",
        "Gen. Ali Mahmoud, a regional commander, told reporters that U.S. and U.N. officials had been informed "
                + "of the operation in advance.",
        "The government has repeatedly denied targeting civilian areas and says it is fighting terrorists backed "
                + "by foreign powers.",
        "Hospitals in the city reported shortages of blood and anaesthetics, and a field clinic was damaged by "
                + "a mortar round on its eastern side.",
        "Local councils have called for a ceasefire so that the wounded can be evacuated and bodies recovered "
                + "from the rubble of collapsed buildings."
    };

    private final Random random;

    public ConflictArticles(long seed) {
        this.random = new Random(seed);
    }

    /** Publication date the articles are written against. */
    public static final LocalDate PUBLISHED = LocalDate.of(2014, 3, 26);

    public List<String> articles(int count, int words) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(article(words));
        return out;
    }

    public String article(int words) {
        String[] place = pick(PLACES);
        String attacker = pick(ATTACKERS);
        StringBuilder sb = new StringBuilder();
        sb.append(capitalise(attacker))
                .append(' ')
                .append(pick(ATTACKS))
                .append(' ')
                .append(place[0])
                .append("\n\n");
        sb.append("Fighting spread across ")
                .append(place[1])
                .append(" as ")
                .append(attacker)
                .append(" pressed an ")
                .append("assault on ")
                .append(place[0])
                .append(", ")
                .append(pick(SOURCES))
                .append(".\n\n");
        int n = count(sb);
        while (n < words) {
            String para = paragraph(place);
            sb.append(para).append("\n\n");
            n += para.split(" ").length;
        }
        return sb.toString().strip();
    }

    private String paragraph(String[] focus) {
        String[] other = pick(PLACES);
        String where = random.nextInt(3) == 0 ? other[0] : focus[0];
        return switch (random.nextInt(4)) {
            case 0 ->
                capitalise(pick(ATTACKERS)) + " " + pick(ATTACKS) + " " + where + " " + pick(DATES) + ", killing "
                        + pick(VICTIMS) + ", " + pick(SOURCES) + ". " + pick(BACKGROUND);
            case 1 ->
                capitalise(pick(DATES)) + ", " + pick(ATTACKERS) + " " + pick(ATTACKS) + " the outskirts of " + where
                        + " and " + pick(VICTIMS) + " were wounded, " + pick(SOURCES)
                        + ". The attack reportedly came after "
                        + pick(ATTACKERS) + " attempted to break the siege of " + pick(PLACES)[0] + ".";
            case 2 ->
                "\"We were sleeping when the shells started falling,\" said a resident of " + where
                        + " who asked not to be named. \"By morning the market was gone.\" " + capitalise(pick(SOURCES))
                        + " that " + pick(VICTIMS) + " had been killed " + pick(DATES) + ". " + pick(BACKGROUND);
            default ->
                pick(BACKGROUND) + " In " + where + ", " + pick(ATTACKERS) + " " + pick(ATTACKS)
                        + " a position held by " + pick(ATTACKERS) + " " + pick(DATES) + ", " + pick(SOURCES) + ".";
        };
    }

    private <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static int count(CharSequence s) {
        return s.toString().split("\\s+").length;
    }
}
