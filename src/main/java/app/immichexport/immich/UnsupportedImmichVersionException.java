package app.immichexport.immich;

/** The server runs an Immich line this application does not speak. */
class UnsupportedImmichVersionException extends ImmichException {

    public UnsupportedImmichVersionException(String url, ImmichVersion version) {
        super(
                "Immich " + version + " at " + url + " is older than " + ImmichVersion.OLDEST_SUPPORTED
                        + ", the oldest version this application supports: please upgrade Immich",
                null);
    }
}
