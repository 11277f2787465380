package engawa.portal.shared.api;

import engawa.portal.shared.UserFacingException.FieldProblem;
import java.util.List;

/**
 * A request body that knows what only the API can get wrong about its values (a lifecycle's
 * spelling, a key of a map). {@link JsonBodies} asks it after reading, also when other fields were
 * of the wrong shape, so that a client hears of every problem at once.
 */
public interface CheckedBody {

    List<FieldProblem> problems();
}
