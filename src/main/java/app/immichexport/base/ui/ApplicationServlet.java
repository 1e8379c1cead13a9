package app.immichexport.base.ui;

import com.vaadin.cdi.CdiVaadinServlet;
import jakarta.servlet.annotation.WebServlet;

/** Vaadin with CDI: views and layouts are built by CDI, so they can be injected. */
@WebServlet(urlPatterns = "/*", asyncSupported = true)
public class ApplicationServlet extends CdiVaadinServlet {}
