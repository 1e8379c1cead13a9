package app.immichexport.export.job;

import app.immichexport.export.plan.ExportPlan;

/**
 * Files learnt while the job copies, in the folders of the files planned: the sidecars of photos
 * Immich is still being asked about.
 */
interface LateFiles {
    boolean isDone();

    /** The whole plan, the files planned first among them; waits until it is known. */
    ExportPlan await() throws InterruptedException;

    /** The job ends without them: stop learning them. */
    void abandon();
}
