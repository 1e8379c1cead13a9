package app.immichexport.export.plan;

import java.util.Arrays;

/**
 * The names already given in one folder, as they collide ({@link SafeName#collisionKey}). A folder of a
 * hundred thousand photos holds two hundred thousand names: kept as 64-bit hashes in a table at most
 * three quarters full, they take a twentieth of the heap of a set of strings. Two names with the same
 * hash would make the second one renamed as if it collided, with its asset's id added; never two files
 * with one name.
 */
final class TakenNames {

    private static final long EMPTY = 0;

    private long[] slots = new long[64];
    private int size;

    void add(String name) {
        long hash = hash(name);
        if ((size + 1) * 4 > slots.length * 3) {
            grow();
        }
        if (insert(slots, hash)) {
            size++;
        }
    }

    boolean contains(String name) {
        long hash = hash(name);
        int mask = slots.length - 1;
        for (int i = index(hash, mask); slots[i] != EMPTY; i = (i + 1) & mask) {
            if (slots[i] == hash) {
                return true;
            }
        }
        return false;
    }

    private static boolean insert(long[] table, long hash) {
        int mask = table.length - 1;
        int i = index(hash, mask);
        while (table[i] != EMPTY) {
            if (table[i] == hash) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = hash;
        return true;
    }

    private void grow() {
        long[] larger = new long[slots.length * 2];
        Arrays.stream(slots).filter(h -> h != EMPTY).forEach(h -> insert(larger, h));
        slots = larger;
    }

    private static int index(long hash, int mask) {
        return (int) (hash ^ (hash >>> 32)) & mask;
    }

    /**
     * FNV-1a over the collision key's characters, mixed so that every bit of the result depends on all
     * of them. A name of Latin-1 characters is lowered character by character, as {@link
     * SafeName#collisionKey} lowers it, without making the key.
     */
    static long hash(String name) {
        boolean latin1 = isLatin1(name);
        String key = latin1 ? name : SafeName.collisionKey(name);
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            char c = latin1 ? Character.toLowerCase(key.charAt(i)) : key.charAt(i);
            hash = (hash ^ c) * 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash == EMPTY ? 1 : hash;
    }

    private static boolean isLatin1(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }
}
