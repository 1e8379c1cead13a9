package app.immichexport.export.job;

import app.immichexport.export.move.Handover;
import app.immichexport.immich.ImmichConnection;

/**
 * A move into the root's linked library, checked when the job started.
 *
 * @param scanner the linking administrator's key, which asks Immich to scan
 */
record LibraryHandover(Handover.Target target, ImmichConnection scanner) {}
