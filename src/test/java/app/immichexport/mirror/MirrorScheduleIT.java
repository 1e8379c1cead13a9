package app.immichexport.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.account.AccountRepository;
import app.immichexport.account.ImmichKeys;
import app.immichexport.export.job.ExportService;
import app.immichexport.export.record.ExportJob;
import app.immichexport.export.record.ExportJobRepository;
import app.immichexport.immich.ImmichService;
import app.immichexport.security.Caller;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Inside the application: the scheduler, driven with a clock of the test's choosing, and the claim on a profile. */
@ExtendWith(ArquillianExtension.class)
public class MirrorScheduleIT {

    @Inject
    MirrorScheduler scheduler;

    @Inject
    MirrorProfiles profiles;

    @Inject
    AccountRepository accounts;

    @Inject
    ExportJobRepository jobs;

    @Inject
    ExportService exports;

    @Inject
    ImmichKeys keys;

    @Inject
    ImmichService immich;

    @Inject
    MirrorRuns runs;

    @Resource
    ManagedExecutorService executor;

    private MirrorProfile nightly(Caller admin, String name, boolean paused) {
        return profiles.create(
                admin,
                new MirrorSettings(
                        name,
                        MirrorProfile.Albums.SELECTED,
                        List.of(weddingId(admin)),
                        List.of(),
                        null,
                        "scheduled-" + name + "/{album}",
                        null,
                        false,
                        null,
                        null,
                        null,
                        null,
                        "0 3 * * *",
                        paused,
                        null,
                        null,
                        null,
                        null));
    }

    private String weddingId(Caller admin) {
        return immich.albums(keys.client(admin)).stream()
                .filter(a -> a.name().equals("Wedding"))
                .findFirst()
                .orElseThrow()
                .id();
    }

    @Test
    void aProfileRunsWhenItsTimeComesAndAPausedOneNever() throws Exception {
        Caller admin = accounts.findByName("admin").orElseThrow().caller();
        MirrorProfile active = nightly(admin, "nightly", false);
        MirrorProfile paused = nightly(admin, "nightly paused", true);
        Instant threeOClock = active.getNextRunAt();
        assertEquals(
                3, ZonedDateTime.ofInstant(threeOClock, ZoneId.systemDefault()).getHour());

        // other tests' profiles may fall due at these times too: only these two are watched
        assertFalse(scheduler.tick(threeOClock.minusSeconds(60)).contains(active.getId()), "a minute early");
        Set<Long> started = scheduler.tick(threeOClock);
        assertTrue(started.contains(active.getId()), started.toString());
        assertFalse(started.contains(paused.getId()), "a paused profile does not run");

        ExportJob run = awaitRun(active.getId());
        assertEquals(ExportJob.State.SUCCEEDED, run.getState(), run.getMessage());
        MirrorProfile after = awaitFinished(admin, active.getId());
        assertTrue(after.getNextRunAt().isAfter(Instant.now()), "the next run is the next 03:00 to come");
        assertFalse(scheduler.tick(threeOClock.minusSeconds(60)).contains(active.getId()));
    }

    @Test
    void onlyOneInstanceClaimsADueProfile() throws Exception {
        Caller admin = accounts.findByName("admin").orElseThrow().caller();
        MirrorProfile profile = nightly(admin, "claimed", true);
        profiles.pause(admin, profile.getId(), false);
        Instant due = profile.getNextRunAt();
        List<Boolean> claims = IntStream.range(0, 8)
                .parallel()
                .mapToObj(i -> profilesClaim(profile.getId(), "instance-" + i, due))
                .toList();
        assertEquals(1, claims.stream().filter(c -> c).count(), claims.toString());
        assertFalse(profilesClaim(profile.getId(), "another", due.plus(Duration.ofMinutes(1))), "the claim holds");
        assertTrue(
                profilesClaim(
                        profile.getId(),
                        "another",
                        due.plus(MirrorScheduler.LEASE).plusSeconds(1)),
                "a claim left by a stopped instance lapses");
        profiles.delete(admin, profile.getId());
    }

    @Test
    void aClaimIsGivenUpOnlyByTheInstanceHoldingIt() {
        Caller admin = accounts.findByName("admin").orElseThrow().caller();
        MirrorProfile profile = nightly(admin, "held", true);
        profiles.pause(admin, profile.getId(), false);
        Instant due = profile.getNextRunAt();
        assertTrue(profilesClaim(profile.getId(), "slow", due));
        Instant lapsed = due.plus(MirrorScheduler.LEASE).plusSeconds(1);
        assertTrue(profilesClaim(profile.getId(), "next", lapsed), "the slow instance's claim lapsed");

        assertFalse(profiles.finished(profile.getId(), "slow", lapsed), "the slow instance no longer holds it");
        assertFalse(
                profilesClaim(profile.getId(), "third", lapsed.plusSeconds(1)),
                "the next instance's claim holds after the slow one finished");
        assertEquals(null, profiles.find(admin, profile.getId()).orElseThrow().getLastRunAt());
        assertTrue(profiles.finished(profile.getId(), "next", lapsed));
        assertEquals(lapsed, profiles.find(admin, profile.getId()).orElseThrow().getLastRunAt());
        profiles.delete(admin, profile.getId());
    }

    @Test
    void aRunTheSchedulerGivesUpOnIsCancelled() throws Exception {
        Caller admin = accounts.findByName("admin").orElseThrow().caller();
        String big = immich.albums(keys.client(admin)).stream()
                .filter(a -> a.name().equals("Big album"))
                .findFirst()
                .orElseThrow()
                .id();
        MirrorProfile profile = profiles.create(
                admin,
                new MirrorSettings(
                        "given up",
                        MirrorProfile.Albums.SELECTED,
                        List.of(big),
                        List.of(),
                        null,
                        "given-up/{album}",
                        null,
                        false,
                        null,
                        null,
                        null,
                        null,
                        "0 3 * * *",
                        true,
                        null,
                        null,
                        null,
                        null));
        Future<?> run = executor.submit(() -> runs.run(profile.getId()));
        ExportJob job = null;
        for (int i = 0; i < 600 && job == null; i++) {
            job = jobs.newestFirst(50, null).stream()
                    .filter(j -> Long.valueOf(profile.getId()).equals(j.getProfileId()) && exports.isRunning(j.getId()))
                    .findFirst()
                    .orElse(null);
            Thread.sleep(20);
        }
        assertTrue(job != null, "the run started");
        // what the scheduler's own stop does to the thread running a profile
        run.cancel(true);
        long id = job.getId();
        for (int i = 0; i < 600 && exports.isRunning(id); i++) {
            Thread.sleep(50);
        }
        assertEquals(ExportJob.State.CANCELLED, jobs.find(id).orElseThrow().getState());
        profiles.delete(admin, profile.getId());
    }

    private boolean profilesClaim(long id, String instance, Instant now) {
        return profiles.claim(id, instance, now, MirrorScheduler.LEASE);
    }

    private ExportJob awaitRun(long profileId) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            for (ExportJob job : jobs.newestFirst(50, null)) {
                if (Long.valueOf(profileId).equals(job.getProfileId())
                        && !exports.isRunning(job.getId())
                        && job.getState().isFinished()) {
                    return job;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the profile did not run");
    }

    private MirrorProfile awaitFinished(Caller admin, long id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            MirrorProfile profile = profiles.find(admin, id).orElseThrow();
            if (profile.getLastRunAt() != null) {
                return profile;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run was not recorded");
    }
}
