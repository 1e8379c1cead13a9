package app.immichexport.login;

import app.immichexport.security.AccessDeniedException;
import app.immichexport.security.Caller;
import app.immichexport.security.SignedIn;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Arrays;
import java.util.Optional;

/**
 * Checks every navigation: a view needs a signed-in user unless marked {@link AnonymousAllowed}, and
 * one of its {@link RolesAllowed} when it names any. Refused visitors see the login page or a
 * plain refusal, never the view.
 */
@ApplicationScoped
class NavigationGuard {

    void register(@Observes ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::check));
    }

    void check(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target.isAnnotationPresent(AnonymousAllowed.class) || HasErrorParameter.class.isAssignableFrom(target)) {
            return;
        }
        Optional<Caller> caller = SignedIn.current();
        if (caller.isEmpty()) {
            event.forwardTo(LoginView.class);
            return;
        }
        RolesAllowed roles = target.getAnnotation(RolesAllowed.class);
        if (roles != null
                && !Arrays.asList(roles.value()).contains(caller.get().role().name())) {
            event.rerouteToError(AccessDeniedException.class, "This page is for administrators");
        }
    }
}
