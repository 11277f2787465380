package engawa.db.people;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface UserRepository extends JpaRepository<User, Long> {

    Optional<User> findByUsername(String username);

    boolean existsByUsername(String username);

    Optional<User> findByOidcIssuerAndOidcSubject(String issuer, String subject);

    @Query("select u from User u where lower(u.email) = lower(:email)")
    Optional<User> findByEmailIgnoreCase(String email);

    Page<User> findAllByOrderByUsername(Pageable pageable);

    long countByRoleAndEnabledTrue(Role role);

    @Query("select u from User u where u.username like lower(concat('%', :text, '%'))"
            + " or lower(u.displayName) like lower(concat('%', :text, '%')) order by u.username")
    List<User> search(String text, Pageable pageable);
}
