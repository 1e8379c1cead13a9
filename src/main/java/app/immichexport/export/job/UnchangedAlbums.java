package app.immichexport.export.job;

import app.immichexport.export.copy.FileExporter;
import app.immichexport.export.plan.ExportOptions;
import app.immichexport.export.plan.PlannedFile;
import app.immichexport.export.plan.SkippedAsset;
import app.immichexport.export.record.ExportItem;
import app.immichexport.export.record.ExportJob;
import app.immichexport.export.record.ExportJobRepository;
import app.immichexport.export.record.JobAlbum;
import app.immichexport.immich.Album;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds the albums Immich reports unchanged since an export with the same root and options brought
 * all their files to disk. Their files are taken over from that export, so a re-run need not list
 * thousands of members again; every file is still checked on disk by the job.
 */
final class UnchangedAlbums {

    /** An album's files and skipped members as an earlier job recorded them. */
    record TakenOver(long fromJob, List<PlannedFile> files, List<SkippedAsset> skipped) {}

    private UnchangedAlbums() {}

    static Map<String, TakenOver> find(
            List<Album> albums, ExportOptions options, ExportJob like, ExportJobRepository repository) {
        Function<Album, String> folderOf =
                album -> String.join("/", options.folderTemplate().folderFor(album));
        // albums sharing a folder are named together by the planner; only an album alone in its folder is taken over
        Map<String, Long> albumsPerFolder =
                albums.stream().collect(Collectors.groupingBy(folderOf, Collectors.counting()));
        Map<String, TakenOver> unchanged = new HashMap<>();
        for (Album album : albums) {
            String folder = folderOf.apply(album);
            if (albumsPerFolder.get(folder) > 1) {
                continue;
            }
            Optional<JobAlbum> earlier =
                    repository.lastComplete(album.id(), like).filter(a -> a.sameAs(album));
            earlier.flatMap(e ->
                            takeOver(e.getJobId(), album.id(), folder, repository.albumItems(e.getJobId(), album.id())))
                    .ifPresent(taken -> unchanged.put(album.id(), taken));
        }
        return unchanged;
    }

    /** What was recorded of the files taken over, by path, as the file index would say. */
    static Map<String, FileExporter.Recorded> recorded(Collection<TakenOver> takenOver) {
        Map<String, FileExporter.Recorded> recorded = new HashMap<>();
        takenOver.forEach(t -> t.files()
                .forEach(f -> recorded.put(
                        f.relativePath(),
                        new FileExporter.Recorded(f.expectedSize(), f.expectedSha1(), f.modifiedTime()))));
        return recorded;
    }

    /** Empty when a recorded row does not fit the album's folder as it is now, or cannot be read back. */
    static Optional<TakenOver> takeOver(
            long jobId, String albumId, String folder, List<ExportJobRepository.ItemRow> rows) {
        List<PlannedFile> files = new ArrayList<>();
        List<SkippedAsset> skipped = new ArrayList<>();
        for (ExportJobRepository.ItemRow row : rows) {
            if (row.outcome().equals(ExportItem.Outcome.SKIPPED.name())) {
                Optional<SkippedAsset.Reason> reason = Arrays.stream(SkippedAsset.Reason.values())
                        .filter(r -> r.explanation().equals(row.reason()))
                        .findFirst();
                if (reason.isEmpty()) {
                    return Optional.empty();
                }
                skipped.add(new SkippedAsset(row.assetId(), albumId, "", reason.get()));
                continue;
            }
            String path = row.targetPath();
            boolean inFolder = path != null
                    && (folder.isEmpty()
                            ? path.indexOf('/') < 0
                            : path.startsWith(folder + "/") && path.indexOf('/', folder.length() + 1) < 0);
            if (!inFolder || row.size() == null || row.sha1() == null) {
                return Optional.empty();
            }
            String name = path.substring(path.lastIndexOf('/') + 1);
            files.add(new PlannedFile(
                    row.assetId(),
                    albumId,
                    PlannedFile.Kind.valueOf(row.kind()),
                    path,
                    row.size(),
                    row.sha1(),
                    row.modifiedAt(),
                    name,
                    false,
                    null));
        }
        return Optional.of(new TakenOver(jobId, files, skipped));
    }
}
