package app.immichexport.audit.ui;

import app.immichexport.audit.AuditAction;
import app.immichexport.audit.AuditEvent;
import app.immichexport.audit.AuditLog;
import app.immichexport.base.ui.Formats;
import app.immichexport.security.Caller;
import app.immichexport.security.SignedIn;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import java.time.ZoneId;

/** The audit log: administrators see everyone's actions and filter them; users see their own. */
@Route("audit")
@Menu(order = 5, title = "Activity", icon = "vaadin:list")
@PageTitle("Audit log · Immich Album Export")
@CdiComponent
public class AuditView extends VerticalLayout {

    static final int SHOWN = 1000;

    private final AuditLog log;
    private final Grid<AuditEvent> grid = new Grid<>();
    private final TextField user = new TextField("User");
    private final Select<AuditAction.Kind> action = new Select<>();
    private final DatePicker since = new DatePicker("Since");

    @Inject
    public AuditView(AuditLog log) {
        this.log = log;
        setSizeFull();
        user.setId("audit-user");
        user.setValueChangeMode(ValueChangeMode.LAZY);
        Caller caller = SignedIn.caller();
        user.setVisible(caller.isAdmin());
        user.addValueChangeListener(e -> refresh());
        action.setLabel("Action");
        action.setItems(AuditAction.Kind.values());
        action.setEmptySelectionAllowed(true);
        action.setEmptySelectionCaption("All");
        action.setId("audit-action");
        action.addValueChangeListener(e -> refresh());
        since.addValueChangeListener(e -> refresh());
        grid.setId("audit");
        grid.setEmptyStateText("Nothing recorded yet.");
        grid.addColumn(e -> Formats.when(e.getAt()))
                .setHeader("When")
                .setFlexGrow(0)
                .setWidth("180px");
        grid.addColumn(AuditEvent::getActor).setHeader("Who");
        grid.addColumn(e -> e.getAction().name().toLowerCase().replace('_', ' '))
                .setHeader("Action");
        grid.addColumn(e -> e.getTarget() == null ? "" : e.getTarget())
                .setHeader("On")
                .setFlexGrow(2);
        grid.addColumn(e -> e.getDetail() == null ? "" : e.getDetail())
                .setHeader("Detail")
                .setFlexGrow(3);
        grid.addColumn(e -> e.getAddress() == null ? "" : e.getAddress()).setHeader("From");
        refresh();
        HorizontalLayout filters = new HorizontalLayout(user, action, since);
        filters.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(new H3(caller.isAdmin() ? "Audit log" : "My activity"), filters, grid);
        setFlexGrow(1, grid);
    }

    private void refresh() {
        // signed in as the database knows the account at this request: a demoted administrator sees their own
        Caller caller = SignedIn.caller();
        user.setVisible(caller.isAdmin());
        String who = caller.isAdmin()
                ? (user.getValue().isBlank() ? null : user.getValue().strip())
                : caller.username();
        grid.setItems(log.find(
                who,
                action.getValue(),
                since.getValue() == null
                        ? null
                        : since.getValue().atStartOfDay(ZoneId.systemDefault()).toInstant(),
                SHOWN));
    }
}
