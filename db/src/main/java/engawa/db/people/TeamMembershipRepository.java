package engawa.db.people;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TeamMembershipRepository extends JpaRepository<TeamMembership, TeamMembership.Key> {

    @Query(value = "select m from TeamMembership m join fetch m.user u where m.team = :team order by u.displayName",
            countQuery = "select count(m) from TeamMembership m where m.team = :team")
    Page<TeamMembership> findByTeam(Team team, Pageable pageable);

    @Query("select m from TeamMembership m join fetch m.team t where m.user = :user order by t.name")
    List<TeamMembership> findByUser(User user);

    boolean existsByTeamAndUser(Team team, User user);

    long countByTeam(Team team);
}
