package engawa.portal.people;

import engawa.db.people.ApiToken;
import engawa.db.people.User;
import java.util.List;
import java.util.Map;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostCommitDeleteEventListener;
import org.hibernate.event.spi.PostCommitUpdateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * This instance's own changes to a person or a token clear what {@link RightsCache} holds for that
 * person as soon as they commit, before the answer to the change goes out: the next request, here,
 * acts with the new rights. The database's signal does the same on every other instance a moment
 * later (and here again, harmlessly).
 *
 * <p>It joins Hibernate as an integrator, while Hibernate builds itself, rather than by asking the
 * finished EntityManagerFactory for its listener registry: Hibernate starts on a second thread
 * (deferred repositories), and a bean that waited for it would hold up the web server's start.
 */
@Component
class RightsChanges implements PostCommitUpdateEventListener, PostCommitDeleteEventListener,
        HibernatePropertiesCustomizer {

    private final RightsCache cache;

    RightsChanges(RightsCache cache) {
        this.cache = cache;
    }

    @Override
    public void customize(Map<String, Object> hibernateProperties) {
        hibernateProperties.put("hibernate.integrator_provider", (IntegratorProvider) () -> List.of(new Integrator() {
            @Override
            public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
                    SessionFactoryImplementor sessionFactory) {
                EventListenerRegistry registry = sessionFactory.getServiceRegistry()
                        .requireService(EventListenerRegistry.class);
                registry.appendListeners(EventType.POST_COMMIT_UPDATE, RightsChanges.this);
                registry.appendListeners(EventType.POST_COMMIT_DELETE, RightsChanges.this);
            }
        }));
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        Class<?> type = persister.getMappedClass();
        return type == User.class || type == ApiToken.class;
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        changed(event.getEntity());
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        changed(event.getEntity());
    }

    private void changed(Object entity) {
        if (entity instanceof User user && user.getId() != null) {
            cache.forget(user.getId());
        } else if (entity instanceof ApiToken token && token.getUser() != null) {
            cache.forget(token.getUser().getId());
        }
    }

    @Override
    public void onPostUpdateCommitFailed(PostUpdateEvent event) {
    }

    @Override
    public void onPostDeleteCommitFailed(PostDeleteEvent event) {
    }
}
