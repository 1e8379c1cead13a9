package app.immichexport.shell.ui;

import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.servlet.http.HttpServletResponse;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Any unexpected failure: a plain message for the user, the details only in the server log. */
@ParentLayout(MainLayout.class)
@CdiComponent
public class ErrorView extends Div implements HasErrorParameter<Exception> {

    private static final Logger LOG = Logger.getLogger(ErrorView.class.getName());

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        LOG.log(Level.SEVERE, "Unexpected error in the UI", parameter.getException());
        removeAll();
        add(
                new H2("Something went wrong"),
                new Paragraph("The application hit an unexpected error. Nothing was changed in Immich or on disk. "
                        + "Try again; if it persists, the server log has the details."));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
