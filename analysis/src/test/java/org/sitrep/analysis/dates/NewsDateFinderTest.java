package org.sitrep.analysis.dates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NewsDateFinderTest {
    /** Wednesday 26 March 2014. */
    static final LocalDate PUB = LocalDate.of(2014, 3, 26);

    final NewsDateFinder finder = new NewsDateFinder();

    @Test
    void publicationDateIsAWednesday() {
        assertThat(PUB.getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
    }

    @ParameterizedTest(name = "{0} -> {1}..{2}")
    @CsvSource(delimiter = '|', textBlock = """
            Rebels attacked on March 24, 2014, the army said.        | 2014-03-24 | 2014-03-24 | March 24, 2014
            The town fell on 24 March 2014 after a siege.            | 2014-03-24 | 2014-03-24 | 24 March 2014
            The town fell on 21 March after a siege.                 | 2014-03-21 | 2014-03-21 | 21 March
            Shelling was reported on 2014-03-20 near the border.     | 2014-03-20 | 2014-03-20 | 2014-03-20
            The convoy was hit on March 22.                          | 2014-03-22 | 2014-03-22 | March 22
            The convoy was hit on Jan. 5.                            | 2014-01-05 | 2014-01-05 | Jan. 5
            The checkpoint was seized on December 30.                | 2013-12-30 | 2013-12-30 | December 30
            Fighting resumed on Monday, March 24.                    | 2014-03-24 | 2014-03-24 | on Monday, March 24
            The offensive began in March.                            | 2014-03-01 | 2014-03-26 | in March
            The offensive began in February.                         | 2014-02-01 | 2014-02-28 | in February
            The offensive began in November.                         | 2013-11-01 | 2013-11-30 | in November
            The offensive began in early March.                      | 2014-03-01 | 2014-03-10 | in early March
            The offensive began in mid-February.                     | 2014-02-11 | 2014-02-20 | in mid-February
            The offensive began in late January.                     | 2014-01-21 | 2014-01-31 | in late January
            The offensive began in late March.                       | 2014-03-21 | 2014-03-26 | in late March
            Talks collapsed in June 2013.                            | 2013-06-01 | 2013-06-30 | in June 2013
            The group has held the town since January.               | 2014-01-01 | 2014-03-26 | since January
            The group has held the town since 2012.                  | 2012-01-01 | 2014-03-26 | since 2012
            The group seized the city in 2013.                       | 2013-01-01 | 2013-12-31 | in 2013
            The group seized the city in late 2013.                  | 2013-09-01 | 2013-12-31 | in late 2013
            Rebels attacked the base on Tuesday.                     | 2014-03-25 | 2014-03-25 | on Tuesday
            Rebels attacked the base on Wednesday.                   | 2014-03-26 | 2014-03-26 | on Wednesday
            Rebels attacked the base on Tuesday night.               | 2014-03-25 | 2014-03-25 | on Tuesday night
            Rebels attacked the base between Monday and Wednesday.   | 2014-03-24 | 2014-03-26 | between Monday and Wednesday
            Rebels attacked the base Friday and Saturday.            | 2014-03-21 | 2014-03-22 | Friday and Saturday
            Rebels attacked the base on Monday and Tuesday.          | 2014-03-24 | 2014-03-25 | on Monday and Tuesday
            The siege lasted between December and February.          | 2013-12-01 | 2014-02-28 | between December and February
            The siege lasted from May 2013 to January.               | 2013-05-01 | 2014-01-31 | from May 2013 to January
            The town fell at the end of February.                    | 2014-02-21 | 2014-02-28 | at the end of February
            Dozens were killed in the past 24 hours.                 | 2014-03-25 | 2014-03-26 | in the past 24 hours
            Rebels attacked the base overnight.                      | 2014-03-25 | 2014-03-26 | overnight
            Rebels have shelled the base since dawn.                 | 2014-03-26 | 2014-03-26 | since dawn
            Rebels attacked the base in the first week of February.  | 2014-02-01 | 2014-02-07 | in the first week of February
            Rebels attacked the base in the last week of February.   | 2014-02-22 | 2014-02-28 | in the last week of February
            Rebels attacked the base a year ago.                     | 2013-02-26 | 2013-04-26 | a year ago
            Rebels attacked the base on Thursday.                    | 2014-03-20 | 2014-03-20 | on Thursday
            Rebels attacked the base Sunday.                         | 2014-03-23 | 2014-03-23 | Sunday
            Rebels attacked the base today.                          | 2014-03-26 | 2014-03-26 | today
            Rebels attacked the base yesterday.                      | 2014-03-25 | 2014-03-25 | yesterday
            Rebels attacked the base last night.                     | 2014-03-25 | 2014-03-25 | last night
            Rebels attacked the base two days ago.                   | 2014-03-24 | 2014-03-24 | two days ago
            Rebels attacked the base 3 days ago.                     | 2014-03-23 | 2014-03-23 | 3 days ago
            Rebels attacked the base last week.                      | 2014-03-17 | 2014-03-23 | last week
            Rebels attacked the base this week.                      | 2014-03-24 | 2014-03-26 | this week
            Rebels attacked the base earlier this week.              | 2014-03-24 | 2014-03-25 | earlier this week
            Rebels attacked the base last month.                     | 2014-02-01 | 2014-02-28 | last month
            Rebels attacked the base earlier this month.             | 2014-03-01 | 2014-03-26 | earlier this month
            Rebels attacked the base last year.                      | 2013-01-01 | 2013-12-31 | last year
            Dozens were killed in the past few days.                 | 2014-03-19 | 2014-03-26 | in the past few days
            Dozens were killed in recent days.                       | 2014-03-19 | 2014-03-26 | in recent days
            Dozens were killed over the past two weeks.              | 2014-03-12 | 2014-03-26 | over the past two weeks
            Dozens were killed over the weekend.                     | 2014-03-22 | 2014-03-23 | over the weekend
            The siege tightened in the winter.                       | 2013-12-01 | 2014-02-28 | in the winter
            The siege tightened in summer 2013.                      | 2013-06-01 | 2013-08-31 | in summer 2013
            The siege tightened last summer.                         | 2013-06-01 | 2013-08-31 | last summer
            """)
    void resolvesAgainstThePublicationDate(String sentence, LocalDate earliest, LocalDate latest, String words) {
        List<TimeExpression> found = finder.find(sentence, PUB);
        assertThat(found).as("in: %s", sentence).hasSize(1);
        TimeExpression t = found.get(0);
        assertThat(t.range().earliest()).isEqualTo(earliest);
        assertThat(t.range().latest()).isEqualTo(latest);
        assertThat(t.range().text()).isEqualToIgnoringCase(words);
        assertThat(sentence.substring(t.span().start(), t.span().end()))
                .isEqualTo(t.range().text());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            The talks will resume next week.
            The ceasefire may hold until the talks.
            Protesters plan to march to the square.
            The army will attack tomorrow.
            Elections are planned for 2030.
            The Arab Spring changed the region.
            Officials said the fighting had stopped.
            """)
    void findsNothingInFutureOrNonDateWords(String sentence) {
        assertThat(finder.find(sentence, PUB)).isEmpty();
    }

    @Test
    void neverReturnsARangeLaterThanPublication() {
        String text = "On March 30 the army advanced. In December the town fell. This year has been the deadliest. "
                + "In April the rebels withdrew. Since Friday, 40 people have died. In the spring, talks failed.";
        List<TimeExpression> found = finder.find(text, PUB);
        assertThat(found).isNotEmpty();
        assertThat(found).allSatisfy(t -> {
            assertThat(t.range().latest()).isBeforeOrEqualTo(PUB);
            assertThat(t.range().earliest()).isBeforeOrEqualTo(t.range().latest());
        });
        // "March 30" has not happened yet in 2014, so it is last year's
        assertThat(found.get(0).range().earliest()).isEqualTo(LocalDate.of(2013, 3, 30));
        // "since Friday": the most recent Friday up to publication
        assertThat(found).anySatisfy(t -> {
            assertThat(t.range().text()).isEqualTo("Since Friday");
            assertThat(t.range().earliest()).isEqualTo(LocalDate.of(2014, 3, 21));
            assertThat(t.range().latest()).isEqualTo(PUB);
        });
    }

    @Test
    void findsEveryExpressionInOrderWithoutOverlaps() {
        String text = "Rebels captured the town on Tuesday. Government forces retook it yesterday after "
                + "shelling it in late March, and a third of residents fled in the past few days.";
        List<TimeExpression> found = finder.find(text, PUB);
        assertThat(found)
                .extracting(t -> t.range().text())
                .containsExactly("on Tuesday", "yesterday", "in late March", "in the past few days");
        for (int i = 1; i < found.size(); i++) {
            assertThat(found.get(i).span().start())
                    .isGreaterThanOrEqualTo(found.get(i - 1).span().end());
        }
    }

    @Test
    void impossibleDatesAreIgnored() {
        assertThat(finder.find("The raid on February 30, 2014 never happened.", PUB))
                .isEmpty();
    }

    @Test
    void hostileInputFinishesQuickly() {
        String hostile = "in ".repeat(50_000) + "March " + "1".repeat(50_000) + " early ".repeat(20_000);
        // a list is always returned, so what is in it is the test: "March" with a 50,000-digit day is no date, but
        // "in March" is, and nothing else in the noise
        assertThat(finder.find(hostile, PUB)).extracting(t -> t.range().text()).containsExactly("in March");
    }
}
