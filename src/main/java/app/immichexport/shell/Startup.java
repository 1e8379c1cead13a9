package app.immichexport.shell;

import app.immichexport.account.FirstStart;
import app.immichexport.base.ConfigurationCheck;
import app.immichexport.base.Settings;
import app.immichexport.database.DatabaseBootstrap;
import app.immichexport.demo.DemoImmich;
import app.immichexport.export.job.ExportService;
import app.immichexport.export.job.InterruptedJobs;
import app.immichexport.exportroot.ExportRoots;
import app.immichexport.metrics.ApplicationMetrics;
import app.immichexport.mirror.MirrorScheduler;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Checks the configuration, then readies the database and Immich, in that order, at deployment. The
 * beans that take settings are created after the check, so a wrong value is one line naming it.
 */
@Singleton
@jakarta.ejb.Startup
@DataSourceDefinition(
        name = DatabaseBootstrap.DATA_SOURCE,
        className = "app.immichexport.database.ApplicationDataSource",
        initialPoolSize = 0,
        minPoolSize = 0,
        maxPoolSize = 20)
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    @Inject
    DatabaseBootstrap database;

    @Inject
    DemoImmich demo;

    @Inject
    Settings settings;

    @Inject
    ExportService exports;

    @Inject
    FirstStart firstStart;

    @Inject
    ExportRoots roots;

    @Inject
    MirrorScheduler mirrors;

    @Inject
    InterruptedJobs interruptedJobs;

    @Inject
    ApplicationMetrics metrics;

    @PostConstruct
    void start() {
        Config config = ConfigProvider.getConfig(Startup.class.getClassLoader());
        List<String> problems = new ConfigurationCheck(
                        name -> config.getOptionalValue(Settings.propertyName(name), String.class))
                .problems();
        if (!problems.isEmpty()) {
            problems.forEach(problem -> LOG.severe("Configuration error: " + problem));
            System.err.flush();
            database.stop();
            // A half-configured instance could export to the wrong place: refuse to run at all.
            Runtime.getRuntime().halt(2);
        }
        database.start();
        exports.markInterrupted();
        Path demoRoot = settings.exportRoots().get(0);
        demo.startIfNoImmich(demoRoot);
        boolean rootsSeeded = roots.seed();
        demo.archive()
                .filter(archive -> rootsSeeded)
                .ifPresent(archive ->
                        roots.linkForDemo(demoRoot, archive.libraryId(), archive.name(), archive.immichPath()));
        firstStart.run();
        metrics.register();
        mirrors.start();
        interruptedJobs.resumeInBackground();
    }
}
