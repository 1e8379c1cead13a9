package app.immichexport.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.it.support.TestImmich;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.annotation.WebServlet;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Finds every view, REST endpoint and servlet the application declares, by reading its compiled
 * classes, and proves that each refuses a request without a login.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AnonymousAccessIT {

    private static final String SOME_ID = "00000000-0000-4000-8000-000000000001";

    @ArquillianResource
    URL deployed;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void everyViewRedirectsAnAnonymousVisitorToTheLogin() throws Exception {
        List<String> routes = new ArrayList<>();
        for (Class<?> type : applicationClasses()) {
            if (type.isAnnotationPresent(AnonymousAllowed.class)) {
                continue;
            }
            Route route = type.getAnnotation(Route.class);
            if (route != null) {
                routes.add(route.value());
            }
            for (RouteAlias alias : type.getAnnotationsByType(RouteAlias.class)) {
                routes.add(alias.value());
            }
        }
        assertTrue(routes.size() >= 9, "found the views: " + routes);
        for (String route : routes) {
            String path = route.replaceAll(":[a-zA-Z]+", "1");
            HttpResponse<String> response = send("GET", path, null);
            assertEquals(302, response.statusCode(), path + " answered " + response.body());
            assertTrue(response.headers().firstValue("Location").orElse("").endsWith("/login"), path);
            // Vaadin's own navigation request for the view is answered with the login view instead
            HttpResponse<String> navigation = send("GET", "?v-r=init&location=" + path, null);
            assertFalse(
                    navigation.body().contains("jobs-grid")
                            || navigation.body().contains("audit")
                            || navigation.body().contains("users\""),
                    path + ": " + navigation.body());
        }
    }

    @Test
    void everyRestEndpointAnswers401WithoutAValidToken() throws Exception {
        List<String> endpoints = new ArrayList<>();
        for (Class<?> type : applicationClasses()) {
            Path resource = type.getAnnotation(Path.class);
            if (resource == null || type.isInterface()) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String verb = httpMethod(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = ("api/" + resource.value() + (sub == null ? "" : "/" + sub.value()))
                        .replaceAll("/+", "/")
                        .replaceAll("\\{[^}]+}", "1")
                        .replaceAll("/$", "");
                endpoints.add(verb + " " + path);
            }
        }
        assertTrue(endpoints.size() >= 25, "found the endpoints: " + endpoints);
        for (String endpoint : endpoints) {
            String[] parts = endpoint.split(" ");
            for (String token : new String[] {null, "iae_not-a-real-token-000000000000000000000"}) {
                HttpResponse<String> response = send(parts[0], parts[1], token);
                assertEquals(401, response.statusCode(), endpoint + " with token " + token + ": " + response.body());
                assertTrue(
                        response.headers()
                                .firstValue("WWW-Authenticate")
                                .orElse("")
                                .startsWith("Bearer"),
                        endpoint);
            }
        }
    }

    @Test
    void servletsAndPayarasOpenApiRefuseAnonymousRequests() throws Exception {
        for (Class<?> type : applicationClasses()) {
            WebServlet servlet = type.getAnnotation(WebServlet.class);
            if (servlet == null) {
                continue;
            }
            for (String pattern : servlet.urlPatterns()) {
                String path = pattern.replace("/*", "/" + SOME_ID).substring(1);
                HttpResponse<String> response = send("GET", path, null);
                assertTrue(
                        response.statusCode() == 401 || response.statusCode() == 302,
                        pattern + ": " + response.statusCode());
            }
        }
        HttpResponse<String> openApi = send("GET", "openapi", null);
        assertTrue(
                openApi.statusCode() == 401 || openApi.statusCode() == 403 || openApi.statusCode() == 302,
                "openapi: " + openApi.statusCode());
        assertFalse(openApi.body().contains("/api/exports"), openApi.body());
    }

    @Test
    void healthStaysOpenForProbesAndTellsNothingElse() throws Exception {
        HttpResponse<String> live = send("GET", "health/live", null);
        assertEquals(200, live.statusCode());
        assertTrue(live.body().contains("UP"), live.body());
        assertFalse(live.body().contains("admin") || live.body().contains("it-exports"), live.body());
    }

    @Test
    void pagesCarrySecurityHeaders() throws Exception {
        HttpResponse<String> login = send("GET", "login", null);
        assertEquals(200, login.statusCode());
        assertEquals("DENY", login.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals(
                "nosniff", login.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(
                login.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID"))
                .findFirst()
                .orElse("");
        assertTrue(
                cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
                login.headers().map().toString());
    }

    private HttpResponse<String> send(String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestImmich.loopback(deployed) + path))
                .method(
                        method,
                        method.equals("GET") || method.equals("DELETE")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** The application's own classes, as compiled into target/classes. */
    static List<Class<?>> applicationClasses() throws Exception {
        java.nio.file.Path classes = java.nio.file.Path.of("target", "classes");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file :
                    files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name =
                        classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                found.add(Class.forName(name, false, AnonymousAccessIT.class.getClassLoader()));
            }
        }
        return found;
    }
}
