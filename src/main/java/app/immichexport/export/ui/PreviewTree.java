package app.immichexport.export.ui;

import app.immichexport.base.ui.Formats;
import app.immichexport.export.plan.ExportPlan;
import app.immichexport.export.plan.PlannedFile;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import java.util.HashMap;
import java.util.Map;

/** The folder tree an export will write, with counts and sizes per folder; rows load as they are opened. */
class PreviewTree extends TreeGrid<PreviewTree.Node> {

    /** A folder or a file of the preview. */
    static final class Node {
        final String name;
        final boolean folder;
        int files;
        long bytes;
        final String note;

        Node(String name, boolean folder, long bytes, String note) {
            this.name = name;
            this.folder = folder;
            this.bytes = Math.max(0, bytes);
            this.files = folder ? 0 : 1;
            this.note = note;
        }
    }

    PreviewTree() {
        setId("preview-tree");
        addHierarchyColumn(node -> node.name).setHeader("Folder or file").setFlexGrow(3);
        addColumn(node -> node.folder ? node.files + " files" : "")
                .setHeader("Files")
                .setFlexGrow(0)
                .setWidth("120px");
        addColumn(node -> Formats.bytes(node.bytes))
                .setHeader("Size")
                .setFlexGrow(0)
                .setWidth("110px");
        addColumn(node -> node.note).setHeader("Note").setFlexGrow(2);
        setClassNameGenerator(node -> node.note.isEmpty() ? null : "renamed");
    }

    void show(ExportPlan plan) {
        TreeData<Node> data = new TreeData<>();
        Map<String, Node> folders = new HashMap<>();
        for (PlannedFile file : plan.files()) {
            Node parent = folder(data, folders, file.folder());
            String note = file.renamed() ? "renamed: another file is called " + file.originalFileName() : note(file);
            data.addItem(parent, new Node(file.fileName(), false, file.expectedSize(), note));
            for (String path = file.folder(); !path.isEmpty(); path = parentOf(path)) {
                Node folder = folders.get(path);
                folder.files++;
                folder.bytes += Math.max(0, file.expectedSize());
            }
        }
        TreeDataProvider<Node> provider = new TreeDataProvider<>(data);
        setDataProvider(provider);
        // a few folders are all opened; a large tree opens only its top level, to stay quick
        if (folders.size() <= 50) {
            expand(folders.values());
        } else {
            expand(data.getRootItems());
        }
    }

    private static Node folder(TreeData<Node> data, Map<String, Node> folders, String path) {
        if (path.isEmpty()) {
            return null;
        }
        Node existing = folders.get(path);
        if (existing != null) {
            return existing;
        }
        Node parent = folder(data, folders, parentOf(path));
        Node node = new Node(path.substring(path.lastIndexOf('/') + 1), true, 0, "");
        data.addItem(parent, node);
        folders.put(path, node);
        return node;
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String note(PlannedFile file) {
        return switch (file.kind()) {
            case ORIGINAL -> "";
            case MOTION_PART -> "live photo motion part";
            case SIDECAR -> "XMP sidecar";
            case EDITED -> "edited in Immich: " + file.originalFileName() + " as Immich renders its edits";
        };
    }
}
