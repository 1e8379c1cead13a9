package app.immichexport.immich;

/** A person Immich recognised in the key user's photos, named or not, as chosen from. */
public record Person(String id, String name, boolean hidden) {

    public boolean isNamed() {
        return name != null && !name.isBlank();
    }
}
