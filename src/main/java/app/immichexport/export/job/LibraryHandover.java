package app.immichexport.export.job;

import app.immichexport.export.move.Handover;
import app.immichexport.immich.ImmichConnection;
import java.util.List;

/**
 * A move into the root's linked library, checked when the job started.
 *
 * @param scanner           the linking administrator's key, which asks Immich to scan
 * @param exclusionPatterns the library's, which keep Immich's scan from importing what they match
 */
record LibraryHandover(Handover.Target target, ImmichConnection scanner, List<String> exclusionPatterns) {}
