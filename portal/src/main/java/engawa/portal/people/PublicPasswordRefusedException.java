package engawa.portal.people;

import org.springframework.security.core.AuthenticationException;

/** A demo password, known to everyone, tried from somewhere other than the machine that runs Engawa. */
public class PublicPasswordRefusedException extends AuthenticationException {

    public PublicPasswordRefusedException() {
        super("A public demo password works only on the machine that runs Engawa");
    }
}
