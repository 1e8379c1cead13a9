package app.immichexport.mirror;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A mirror's schedule: a Unix cron expression (minute hour day month weekday), in the server's time zone. */
public final class Schedule {

    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final String expression;
    private final ExecutionTime times;
    private final ZoneId zone;

    private Schedule(String expression, Cron cron, ZoneId zone) {
        this.expression = expression;
        this.times = ExecutionTime.forCron(cron);
        this.zone = zone;
    }

    /** @throws IllegalArgumentException naming what is wrong with the expression */
    public static Schedule parse(String expression, ZoneId zone) {
        String text = expression == null ? "" : expression.strip().replaceAll("\\s+", " ");
        try {
            Cron cron = PARSER.parse(text);
            cron.validate();
            return new Schedule(text, cron, zone);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a cron schedule (minute hour day month weekday, "
                            + "e.g. '0 3 * * *' for every night at 3:00): " + e.getMessage(),
                    e);
        }
    }

    /** The first time after {@code after} the schedule fires, if it ever does again. */
    public Optional<Instant> next(Instant after) {
        return times.nextExecution(ZonedDateTime.ofInstant(after, zone)).map(ZonedDateTime::toInstant);
    }

    /** The next {@code count} times, for showing a user what their expression means. */
    public List<Instant> next(Instant after, int count) {
        List<Instant> next = new ArrayList<>();
        Optional<Instant> time = next(after);
        while (time.isPresent() && next.size() < count) {
            next.add(time.get());
            time = next(time.get());
        }
        return next;
    }

    public String expression() {
        return expression;
    }
}
