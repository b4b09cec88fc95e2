package se.tidigt.demo;

import se.tidigt.cases.api.OpenAccessKind;
import se.tidigt.cases.api.RecordOpenAccessSupport;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Support given without an investigation, counted per district, month and kind, since the Social
 * Services Act of 2025 (SFS 2025:400) allowed it from 1 July 2025. One story per district and month.
 */
final class OpenAccessStories {
    static final YearMonth FIRST_MONTH = YearMonth.of(2025, 7);
    private static final OpenAccessKind[] KINDS = {OpenAccessKind.COUNSELLING, OpenAccessKind.PARENTING_SUPPORT,
            OpenAccessKind.GROUP_ACTIVITY, OpenAccessKind.YOUTH_SUPPORT, OpenAccessKind.SCHOOL_COOPERATION};

    private OpenAccessStories() {
    }

    static List<CaseStory> generate(Random random, List<String> districts, YearMonth lastMonth) {
        List<CaseStory> stories = new ArrayList<>();
        for (YearMonth month = FIRST_MONTH; !month.isAfter(lastMonth); month = month.plusMonths(1)) {
            // uptake grows over the first year of the new law
            double ramp = Math.min(1.0, 0.3 + 0.06 * (month.getYear() * 12 + month.getMonthValue()
                    - FIRST_MONTH.getYear() * 12 - FIRST_MONTH.getMonthValue()));
            for (String district : districts) {
                List<Object> commands = new ArrayList<>();
                for (OpenAccessKind kind : KINDS) {
                    int count = (int) Math.round(ramp * (2 + random.nextInt(18)));
                    if (count > 0) {
                        commands.add(new RecordOpenAccessSupport(district, month, kind, count));
                    }
                }
                stories.add(new CaseStory("open-access:" + district + ":" + month, null, commands));
            }
        }
        return stories;
    }
}
