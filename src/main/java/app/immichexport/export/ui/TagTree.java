package app.immichexport.export.ui;

import app.immichexport.immich.TagPath;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Immich's tags as the tree their paths make: {@code Family/Kids} below {@code Family}. */
final class TagTree {

    private TagTree() {}

    /** A tag; a level of a path that is no tag of its own has no id and cannot be chosen for export. */
    record Node(String id, String path, String name) {}

    static void fill(TreeGrid<Node> grid, List<TagPath> tags) {
        TreeData<Node> tree = new TreeData<>();
        Map<String, String> ids = new HashMap<>();
        tags.forEach(t -> ids.put(t.path(), t.id()));
        Map<String, Node> made = new HashMap<>();
        tags.stream().map(TagPath::path).sorted(Comparator.naturalOrder()).forEach(p -> node(p, ids, made, tree));
        grid.setTreeData(tree);
    }

    private static Node node(String path, Map<String, String> ids, Map<String, Node> made, TreeData<Node> tree) {
        Node node = made.get(path);
        if (node != null) {
            return node;
        }
        int slash = path.lastIndexOf('/');
        Node parent = slash < 0 ? null : node(path.substring(0, slash), ids, made, tree);
        node = new Node(ids.get(path), path, path.substring(slash + 1));
        tree.addItem(parent, node);
        made.put(path, node);
        return node;
    }
}
