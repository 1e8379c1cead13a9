package app.immichexport.export.job;

import java.util.function.BooleanSupplier;

/** Lists the albums and plans: runs on the job's own thread, so that a cancel interrupts it. */
interface JobPreparation {
    /**
     * @param cancelled true once the job is cancelled: work handed to other threads checks it, as
     *                  an interrupt of this thread may be lost on its way through an interceptor
     */
    PreparedJob prepare(BooleanSupplier cancelled);
}
