package org.sitrep.analysis.text;

import java.text.Normalizer;

/**
 * How a written word is compared with a name: lower case, no diacritics, no apostrophes or marks.
 * The place names, the word view of {@link TokenisedText} and the gazetteer's keys all fold alike,
 * so a word of the text and a name meet when they are the same word written differently.
 */
public final class Folding {
    private Folding() {}

    /** Folds one word: lower case, no diacritics, no apostrophes or marks; null if nothing is left. */
    public static String fold(String word) {
        boolean ascii = true;
        for (int i = 0; i < word.length() && ascii; i++) ascii = word.charAt(i) < 128;
        String s = ascii ? word : Normalizer.normalize(word, Normalizer.Form.NFD); // most words need no decomposing
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) {
                if (Character.isLetterOrDigit(c)) b.append(Character.toLowerCase(c));
                continue;
            }
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK
                    || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) continue;
            switch (c) {
                case 'ß' -> b.append("ss");
                case 'æ', 'Æ' -> b.append("ae");
                case 'ø', 'Ø' -> b.append('o');
                case 'đ', 'Đ' -> b.append('d');
                case 'ł', 'Ł' -> b.append('l');
                case 'ı' -> b.append('i');
                case 'œ', 'Œ' -> b.append("oe");
                case 'þ', 'Þ' -> b.append("th");
                default -> {
                    if (Character.isLetterOrDigit(c)) b.append(Character.toLowerCase(c));
                }
            }
        }
        return b.length() == 0 ? null : b.toString();
    }

    /** Letters, digits and combining marks make words; everything else separates them. */
    public static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    /** The apostrophes and ʿayn/hamza signs transliterations write inside words ("Ma'arrat", "Ma‘arrat"). */
    public static boolean isApostrophe(char c) {
        return c == '\'' || c == '’' || c == '‘' || c == 'ʿ' || c == 'ʾ' || c == '`' || c == 'ʼ' || c == '´';
    }
}
