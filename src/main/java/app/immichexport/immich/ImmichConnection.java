package app.immichexport.immich;

/**
 * Immich as one user's API key reaches it. Opaque: everything asked of it goes through
 * {@link ImmichService}, with its retries and timeouts.
 */
public final class ImmichConnection {

    final ImmichClient client;

    ImmichConnection(ImmichClient client) {
        this.client = client;
    }
}
