package org.sitrep.newsroom;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What one save changed: the headline, standfirst and body, line by line, against the save before it. */
public record RevisionChanges(List<Line> headline, List<Line> standfirst, List<Line> body) {

    public enum Change {
        SAME,
        ADDED,
        REMOVED
    }

    public record Line(Change change, String text) {}

    /** Changes from {@code before} (null for the first revision: everything is added) to {@code after}. */
    public static RevisionChanges between(Revision before, Revision after) {
        return new RevisionChanges(
                lines(before == null ? null : before.headline(), after.headline()),
                lines(before == null ? null : before.standfirst(), after.standfirst()),
                lines(before == null ? null : before.bodyMarkdown(), after.bodyMarkdown()));
    }

    public boolean isEmpty() {
        return headline.stream().allMatch(l -> l.change() == Change.SAME)
                && standfirst.stream().allMatch(l -> l.change() == Change.SAME)
                && body.stream().allMatch(l -> l.change() == Change.SAME);
    }

    static List<Line> lines(String before, String after) {
        List<String> a = split(before), b = split(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<Line> out = new ArrayList<>();
        int i = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int at = delta.getSource().getPosition();
            while (i < at) out.add(new Line(Change.SAME, a.get(i++)));
            for (String s : delta.getSource().getLines()) out.add(new Line(Change.REMOVED, s));
            for (String s : delta.getTarget().getLines()) out.add(new Line(Change.ADDED, s));
            i += delta.getSource().size();
        }
        while (i < a.size()) out.add(new Line(Change.SAME, a.get(i++)));
        return out;
    }

    private static List<String> split(String text) {
        if (text == null || text.isEmpty()) return List.of();
        return Arrays.asList(text.replace("\r\n", "\n").split("\n", -1));
    }
}
