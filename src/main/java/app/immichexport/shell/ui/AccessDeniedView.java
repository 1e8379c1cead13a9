package app.immichexport.shell.ui;

import app.immichexport.security.AccessDeniedException;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.servlet.http.HttpServletResponse;

/** Shown instead of a page the user's role does not open. */
@ParentLayout(MainLayout.class)
@CdiComponent
public class AccessDeniedView extends Div implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        H2 title = new H2("Not for you");
        title.setId("access-denied");
        add(
                title,
                new Paragraph(
                        parameter.getCustomMessage().isEmpty()
                                ? "You may not open this page."
                                : parameter.getCustomMessage() + "."));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
