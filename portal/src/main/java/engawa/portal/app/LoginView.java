package engawa.portal.app;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import engawa.portal.people.PasswordSignIn;
import engawa.portal.people.PublicPasswordRefusedException;
import engawa.portal.people.SignInBlockedException;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;

@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();

    LoginView(ObjectProvider<ClientRegistrationRepository> clientRegistrations) {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        H1 brand = new H1(getTranslation("app.name"));
        brand.addClassName("login-brand");
        Paragraph tagline = new Paragraph(getTranslation("login.tagline"));
        tagline.addClassName("login-tagline");

        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(loginTexts());

        Div card = new Div(brand, tagline, form);
        card.addClassName("login-card");
        ClientRegistrationRepository repository = clientRegistrations.getIfAvailable();
        if (repository instanceof InMemoryClientRegistrationRepository registrations) {
            for (ClientRegistration registration : registrations) {
                Anchor sso = new Anchor("oauth2/authorization/" + registration.getRegistrationId(),
                        getTranslation("login.sso", registration.getClientName()));
                sso.setRouterIgnore(true);
                sso.addClassName("sso-button");
                card.add(sso);
            }
        }
        card.add(new Paragraph(getTranslation("login.help")));
        add(new LanguageSwitch(locale -> { }), card);
    }

    private LoginI18n loginTexts() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form texts = i18n.getForm();
        texts.setTitle(getTranslation("login.title"));
        texts.setUsername(getTranslation("login.username"));
        texts.setPassword(getTranslation("login.password"));
        texts.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.message"));
        error.setUsername(getTranslation("login.error.usernameRequired"));
        error.setPassword(getTranslation("login.error.passwordRequired"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean failed = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        if (failed) {
            // why the last try failed, when it is something a person can act on: wait, or ask an admin
            Object failure = lastFailure();
            LoginI18n texts = loginTexts();
            texts.getErrorMessage().setMessage(reason(failure));
            form.setI18n(texts);
            keepUsername(failure);
        }
        form.setError(failed);
    }

    private String reason(Object failure) {
        if (failure instanceof SignInBlockedException blocked) {
            return getTranslation("login.error.blocked", blocked.minutes());
        }
        if (failure instanceof PublicPasswordRefusedException) {
            return getTranslation("login.error.publicPassword");
        }
        return getTranslation("login.error.message");
    }

    /**
     * After a wrong password the person retypes the password only: the username they gave stays in
     * its field and the cursor waits in the password field.
     */
    private void keepUsername(Object failure) {
        if (!(failure instanceof AuthenticationException refused) || refused.getAuthenticationRequest() == null
                || refused.getAuthenticationRequest().getName() == null) {
            return;
        }
        String username = refused.getAuthenticationRequest().getName();
        if (username.length() > PasswordSignIn.MAX_USERNAME_LENGTH) {
            return;
        }
        form.getElement().executeJs("""
                customElements.whenDefined('vaadin-login-form').then(() => requestAnimationFrame(() => {
                  const user = this.querySelector('#vaadinLoginUsername');
                  const password = this.querySelector('#vaadinLoginPassword');
                  if (user) { user.value = $0; }
                  if (password) { password.focus(); }
                }));""", username);
    }

    /** Spring Security keeps the last sign-in failure in the session for the page it redirects to. */
    private static Object lastFailure() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        HttpSession session = request == null ? null : request.getHttpServletRequest().getSession(false);
        return session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · " + getTranslation("app.name");
    }
}
