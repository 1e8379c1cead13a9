package app.immichexport.export.job;

import app.immichexport.export.copy.FileExporter;
import app.immichexport.export.plan.ExportPlan;
import java.nio.file.Path;
import java.util.Set;

/**
 * What a job needs to copy, learnt by listing its albums in Immich.
 *
 * @param afterCopy run once every file was handled, with the keys of the files verified on disk; may be null
 * @param late      files learnt while the planned ones are copied; may be null
 */
record PreparedJob(
        ExportPlan plan,
        FileExporter exporter,
        Set<Path> folders,
        AfterCopy afterCopy,
        JobAlbums albums,
        LateFiles late) {}
