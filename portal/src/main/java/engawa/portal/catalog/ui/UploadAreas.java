package engawa.portal.catalog.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import engawa.portal.catalog.UploadArea;
import org.springframework.stereotype.Component;

/**
 * One upload area per browser session: every import page of the session counts against the same
 * budget, and what is left in it is deleted when the session ends.
 */
@Component
class UploadAreas implements VaadinServiceInitListener {

    static UploadArea of(VaadinSession session) {
        session.lock();
        try {
            UploadArea area = session.getAttribute(UploadArea.class);
            if (area == null) {
                area = new UploadArea();
                session.setAttribute(UploadArea.class, area);
            }
            return area;
        } finally {
            session.unlock();
        }
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionDestroyListener(destroyed -> {
            UploadArea area = destroyed.getSession().getAttribute(UploadArea.class);
            if (area != null) {
                area.close();
            }
        });
    }
}
