package org.tctracker.cycle;

import java.util.Locale;
import org.springframework.format.Formatter;
import org.springframework.stereotype.Component;
import org.tctracker.system.BadRequestException;

/** Lets a week in an address bind as an {@link IsoWeek}, as {@code ?week=2015-W46}. */
@Component
class IsoWeekFormatter implements Formatter<IsoWeek> {

    @Override
    public IsoWeek parse(String text, Locale locale) {
        try {
            return IsoWeek.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Give the week as year, W and number, such as 2015-W46.");
        }
    }

    @Override
    public String print(IsoWeek week, Locale locale) {
        return week.toString();
    }
}
