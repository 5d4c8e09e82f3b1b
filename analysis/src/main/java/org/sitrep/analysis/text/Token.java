package org.sitrep.analysis.text;

/**
 * A word or punctuation mark with its offsets [start, end) into the cleaned text, its Penn Treebank
 * part-of-speech tag (NN, NNS, NNP, VB, VBD, VBN, VBG, VBZ, VBP, MD, JJ, RB, IN, TO, DT, PRP, PRP$,
 * CD, CC, POS, RP, punctuation as "." "," ":" "``" "''" "-LRB-" "-RRB-") and its lower-case lemma.
 * Tokens built elsewhere (tests, degraded input) may carry null tag and lemma.
 */
public record Token(int start, int end, String text, String tag, String lemma) {}
