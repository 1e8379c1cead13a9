package app.immichexport.it.support;

import app.immichexport.simulator.ImmichLine;
import app.immichexport.simulator.ImmichSimulator;
import app.immichexport.simulator.SimulatedLibrary;
import app.immichexport.simulator.TestLibraries;
import java.net.URL;

/**
 * The Immich simulator the deployed application is configured to use (IMMICH_URL points at its
 * port), running in the test JVM so tests can switch its line and inject faults.
 */
public final class TestImmich {

    private static ImmichSimulator simulator;
    private static SimulatedLibrary library;

    private TestImmich() {}

    public static synchronized ImmichSimulator simulator() {
        if (simulator == null) {
            int port = Integer.parseInt(System.getProperty("it.simulator.port"));
            library = TestLibraries.create();
            simulator = ImmichSimulator.start(ImmichLine.V3, library, port);
            simulator.record(true);
        }
        return simulator;
    }

    public static synchronized SimulatedLibrary library() {
        simulator();
        return library;
    }

    /** Arquillian reports the machine's address; tests only ever talk to loopback. */
    public static String loopback(URL deployed) {
        String path = deployed.getPath().endsWith("/") ? deployed.getPath() : deployed.getPath() + "/";
        return "http://127.0.0.1:" + deployed.getPort() + path;
    }
}
