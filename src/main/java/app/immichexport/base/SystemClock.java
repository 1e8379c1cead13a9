package app.immichexport.base;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The clock every bean tells time by: the system's, in UTC. A test deployment can put another in its place. */
@ApplicationScoped
class SystemClock {

    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }
}
