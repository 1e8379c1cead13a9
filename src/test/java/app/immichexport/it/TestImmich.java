package app.immichexport.it;

import app.immichexport.simulator.ImmichLine;
import app.immichexport.simulator.ImmichSimulator;
import app.immichexport.simulator.TestLibraries;
import java.net.URL;

/**
 * The Immich simulator the deployed application is configured to use (IMMICH_URL points at its
 * port), running in the test JVM so tests can switch its line and inject faults.
 */
final class TestImmich {

    private static ImmichSimulator simulator;

    private TestImmich() {
    }

    static synchronized ImmichSimulator simulator() {
        if (simulator == null) {
            int port = Integer.parseInt(System.getProperty("it.simulator.port"));
            simulator = ImmichSimulator.start(ImmichLine.V3, TestLibraries.create(), port);
            simulator.record(true);
        }
        return simulator;
    }

    /** Arquillian reports the machine's address; tests only ever talk to loopback. */
    static String loopback(URL deployed) {
        String path = deployed.getPath().endsWith("/") ? deployed.getPath() : deployed.getPath() + "/";
        return "http://127.0.0.1:" + deployed.getPort() + path;
    }
}
