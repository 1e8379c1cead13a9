package app.immichexport.export.plan;

import app.immichexport.export.plan.PlannedFile.Kind;
import app.immichexport.export.plan.SkippedAsset.Reason;
import app.immichexport.immich.Asset;
import app.immichexport.immich.Sidecar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes an {@link ExportPlan}: a pure function of the asset sets (albums), their members and the options,
 * with no I/O, so that the preview and the job are the same computation.
 */
public final class ExportPlanner {

    private ExportPlanner() {}

    /**
     * A photo or video with the files that travel with it: its live-photo motion part and sidecar.
     *
     * @param sidecar  Immich's own, when it keeps one
     * @param written  a sidecar is written for it from Immich's metadata, whether Immich keeps one or not
     * @param still    what the photo's own file holds: its original, or its edited picture
     * @param editedToo its edited picture lands beside the original as well
     */
    private record Unit(
            Asset asset, String setId, Asset motion, Sidecar sidecar, boolean written, Kind still, boolean editedToo) {}

    /**
     * The units of one folder, each photo once. A photo is in one album once, so a folder only one
     * album fills needs no index of its photos, which for an album of a hundred thousand would take
     * more of the heap than its plan.
     */
    private static final class FolderUnits {
        private final List<Unit> list = new ArrayList<>();
        private AssetSet onlySet;
        private Set<String> ids;

        void add(Unit unit, AssetSet from) {
            if (ids == null && onlySet != null && onlySet != from) {
                ids = new HashSet<>();
                list.forEach(u -> ids.add(u.asset().id()));
            }
            onlySet = from;
            if (ids == null || ids.add(unit.asset().id())) {
                list.add(unit);
            }
        }
    }

    /** Edited pictures are rendered as JPEG, Immich's default format for full-size pictures. */
    static final String EDITED_EXTENSION = ".jpg";

    static final String EDITED_SUFFIX = "_edited";

    public static ExportPlan plan(PlanInput input, ExportOptions options) {
        List<SkippedAsset> skipped = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, FolderUnits> folders = new LinkedHashMap<>();
        for (AssetSet members : input.sets()) {
            if (!members.isComplete()) {
                warnings.add("Immich listed " + members.assets().size() + " of the "
                        + members.expected() + " assets of album '"
                        + members.name() + "': only those can be exported");
            }
            FolderTemplate template = options.folderTemplate();
            String setFolder = String.join("/", template.folderFor(members));
            boolean perPhoto = template.isPerPhoto();
            Set<String> inSet = input.stackPrimaries().isEmpty() ? Set.of() : ids(members);
            for (Asset asset : members.assets()) {
                String folder = perPhoto ? String.join("/", template.folderFor(members, asset)) : setFolder;
                FolderUnits units = folders.computeIfAbsent(folder, f -> new FolderUnits());
                String id = asset.id();
                Reason reason = skipReason(asset, options);
                String primary = input.stackPrimaries().get(id);
                if (reason == null && primary != null && inSet.contains(primary)) {
                    reason = Reason.IN_STACK;
                }
                if (reason != null) {
                    skipped.add(new SkippedAsset(id, members.id(), asset.originalFileName(), reason));
                    continue;
                }
                Asset motion = null;
                if (options.includeMotionParts() && asset.livePhotoVideoId() != null) {
                    motion = input.motionParts().get(asset.livePhotoVideoId());
                    if (motion == null) {
                        skipped.add(new SkippedAsset(
                                asset.livePhotoVideoId(),
                                members.id(),
                                asset.originalFileName(),
                                Reason.MOTION_PART_MISSING));
                    }
                }
                Sidecar sidecar = options.includeSidecars() ? input.sidecars().get(id) : null;
                boolean edited = asset.hasEditedPicture() && options.versions().edited();
                units.add(
                        new Unit(
                                asset,
                                members.id(),
                                motion,
                                sidecar,
                                options.metadata() == MetadataSidecar.FULL,
                                edited && !options.versions().original() ? Kind.EDITED : Kind.ORIGINAL,
                                edited && options.versions().original()),
                        members);
            }
        }
        List<PlannedFile> files = new ArrayList<>();
        folders.forEach((folder, units) -> nameFolder(folder, units.list, input.earlierPaths(), files));
        // a plan of a hundred thousand files: sorted on every processor
        PlannedFile[] sorted = files.toArray(PlannedFile[]::new);
        Arrays.parallelSort(sorted, PlannedFile::compareByPath);
        requireInside(options.root(), files);
        return new ExportPlan(
                Collections.unmodifiableList(Arrays.asList(sorted)), List.copyOf(skipped), List.copyOf(warnings));
    }

    private static Set<String> ids(AssetSet members) {
        Set<String> ids = new HashSet<>();
        members.assets().forEach(a -> ids.add(a.id()));
        return ids;
    }

    static Reason skipReason(Asset asset, ExportOptions options) {
        if (asset.trashed()) {
            return Reason.TRASHED;
        }
        if (asset.offline()) {
            return Reason.OFFLINE;
        }
        if (asset.isExternal() && !options.includeExternal()) {
            return Reason.EXTERNAL;
        }
        return asset.type() == Asset.AssetType.OTHER ? Reason.UNSUPPORTED : null;
    }

    /**
     * Names every unit of one folder. Names written earlier are kept; the others are given in the
     * order the photos were taken, and a name already taken gets the asset's id added, which does not
     * depend on what else is in the album.
     */
    private static void nameFolder(
            String folder, Collection<Unit> units, Map<String, Set<String>> earlierPaths, List<PlannedFile> files) {
        TakenNames taken = new TakenNames();
        List<Unit> fresh = new ArrayList<>();
        for (Unit unit : units) {
            String earlier = earlierName(folder, unit.still(), unit.asset(), earlierPaths);
            if (earlier == null) {
                fresh.add(unit);
            } else {
                taken.add(earlier);
                files.add(file(folder, unit.asset(), unit.setId(), unit.still(), earlier, false));
                String base = SafeName.split(earlier)[0];
                addCompanions(folder, unit, base, earlier, taken, earlierPaths, files);
            }
        }
        fresh.sort(Comparator.comparing(Unit::asset, Asset.BY_CAPTURE_TIME));
        for (Unit unit : fresh) {
            String wanted = SafeName.ofFile(
                    MediaExtension.fit(
                            unit.asset().originalFileName(), unit.asset().mimeType()),
                    () -> "asset-" + unit.asset().id());
            String[] parts = SafeName.split(wanted);
            if (unit.still() == Kind.EDITED) {
                parts = new String[] {editedBase(parts[0]), EDITED_EXTENSION};
                wanted = parts[0] + parts[1];
            }
            String base = null;
            for (int attempt = 0; base == null && attempt < 3; attempt++) {
                String candidate = candidate(attempt, parts[0], parts[1], unit.asset());
                if (allFree(unit, candidate, parts[1], taken)) {
                    base = candidate;
                }
            }
            String name = base + parts[1];
            taken.add(name);
            files.add(file(folder, unit.asset(), unit.setId(), unit.still(), name, !name.equals(wanted)));
            addCompanions(folder, unit, base, name, taken, earlierPaths, files);
        }
    }

    /**
     * The name's base, else with the first 8 characters of the asset's id, else with the whole id: only
     * asked for the next when the one before is taken, as names rarely are.
     */
    private static String candidate(int attempt, String base, String extension, Asset asset) {
        if (attempt == 0) {
            return base;
        }
        String assetId = asset.id();
        String plainId = assetId.replace("-", "");
        String suffix = attempt == 1 ? plainId.substring(0, Math.min(8, plainId.length())) : assetId;
        return withSuffix(base, " (" + suffix + ")", extension);
    }

    /** The base with a suffix, shortened so that base, suffix and extension fit in one name. */
    private static String withSuffix(String base, String suffix, String extension) {
        String full = SafeName.truncate(base, suffix + extension);
        return full.substring(0, full.length() - extension.length());
    }

    private static boolean allFree(Unit unit, String base, String extension, TakenNames taken) {
        if (taken.contains(base + extension)) {
            return false;
        }
        if (unit.motion() != null && taken.contains(motionName(base, unit.motion()))) {
            return false;
        }
        if (unit.editedToo() && taken.contains(editedBase(base) + EDITED_EXTENSION)) {
            return false;
        }
        return !taken.contains(SafeName.truncate(base + extension, ".xmp"));
    }

    /**
     * The motion part beside its still with the same base name, the sidecar named as Immich names it.
     * A sidecar's name is held for every photo, whether it has one or not: names then do not depend on
     * which sidecars are known yet, so a job can copy its photos while it still asks Immich for them.
     */
    private static void addCompanions(
            String folder,
            Unit unit,
            String base,
            String stillName,
            TakenNames taken,
            Map<String, Set<String>> earlierPaths,
            List<PlannedFile> files) {
        if (unit.motion() != null) {
            String name = companionName(
                    folder, Kind.MOTION_PART, unit.motion(), motionName(base, unit.motion()), taken, earlierPaths);
            files.add(file(folder, unit.motion(), unit.setId(), Kind.MOTION_PART, name, false));
        }
        if (unit.editedToo()) {
            String name = companionName(
                    folder, Kind.EDITED, unit.asset(), editedBase(base) + EDITED_EXTENSION, taken, earlierPaths);
            files.add(file(folder, unit.asset(), unit.setId(), Kind.EDITED, name, false));
        }
        String name = companionName(
                folder, Kind.SIDECAR, unit.asset(), SafeName.truncate(stillName, ".xmp"), taken, earlierPaths);
        if (unit.sidecar() != null || unit.written()) {
            files.add(PlannedFile.madeFor(
                    unit.asset(),
                    unit.setId(),
                    Kind.SIDECAR,
                    folder,
                    name,
                    stillName + ".xmp",
                    false,
                    unit.sidecar() == null ? null : unit.sidecar().path()));
        }
    }

    private static String companionName(
            String folder,
            Kind kind,
            Asset owner,
            String wanted,
            TakenNames taken,
            Map<String, Set<String>> earlierPaths) {
        String earlier = earlierName(folder, kind, owner, earlierPaths);
        String name = earlier != null ? earlier : wanted;
        if (earlier == null && taken.contains(name)) {
            String[] parts = SafeName.split(name);
            name = SafeName.truncate(parts[0], " (" + owner.id() + ")" + parts[1]);
        }
        taken.add(name);
        return name;
    }

    private static String earlierName(String folder, Kind kind, Asset asset, Map<String, Set<String>> earlierPaths) {
        if (earlierPaths.isEmpty()) {
            return null;
        }
        for (String path : earlierPaths.getOrDefault(PlannedFile.key(kind, asset.id()), Set.of())) {
            int slash = path.lastIndexOf('/');
            if ((slash < 0 ? "" : path.substring(0, slash)).equals(folder)) {
                return path.substring(slash + 1);
            }
        }
        return null;
    }

    private static String motionName(String base, Asset motion) {
        String extension = SafeName.split(SafeName.ofFile(motion.originalFileName(), "motion.MOV"))[1];
        return SafeName.truncate(base, extension.isEmpty() ? ".MOV" : extension);
    }

    /** The base name of an edited picture: the original's, saying it is edited, within the name's limit. */
    private static String editedBase(String base) {
        return withSuffix(base, EDITED_SUFFIX, EDITED_EXTENSION);
    }

    private static PlannedFile file(String folder, Asset asset, String setId, Kind kind, String name, boolean renamed) {
        return kind == Kind.EDITED
                ? PlannedFile.madeFor(asset, setId, kind, folder, name, asset.originalFileName(), renamed, null)
                : PlannedFile.original(asset, setId, kind, folder, name, renamed);
    }

    /**
     * The last line of defence: whatever the names, nothing is planned outside the root. Each folder is
     * resolved below the root once; a file inside it is a name that cannot leave it.
     */
    private static void requireInside(Path root, List<PlannedFile> files) {
        Path normalRoot = root.toAbsolutePath().normalize();
        Set<String> checked = new HashSet<>();
        for (PlannedFile file : files) {
            String name = file.fileName();
            if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('\0') >= 0) {
                throw new IllegalStateException("Refusing a target outside the export root: " + file.relativePath());
            }
            if (checked.add(file.folder())) {
                Path folder = normalRoot.resolve(file.folder()).normalize();
                if (!folder.startsWith(normalRoot)) {
                    throw new IllegalStateException(
                            "Refusing a target outside the export root: " + file.relativePath());
                }
            }
        }
    }
}
