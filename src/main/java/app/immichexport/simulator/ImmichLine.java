package app.immichexport.simulator;

/** The Immich release lines the simulator emulates, each at the version its contract files describe. */
public enum ImmichLine {
    V2(2, 7, 5),
    V3(3, 2, 2);

    final int major;
    final int minor;
    final int patch;

    ImmichLine(int major, int minor, int patch) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
    }

    public int major() {
        return major;
    }

    public int minor() {
        return minor;
    }

    public int patch() {
        return patch;
    }

    public String version() {
        return major + "." + minor + "." + patch;
    }
}
