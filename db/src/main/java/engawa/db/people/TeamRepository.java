package engawa.db.people;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TeamRepository extends JpaRepository<Team, Long> {

    Optional<Team> findBySlug(String slug);

    boolean existsBySlug(String slug);

    @Query("select t from Team t left join fetch t.parent where t.slug = :slug")
    Optional<Team> findWithParentBySlug(String slug);

    @Query(value = "select t from Team t left join fetch t.parent",
            countQuery = "select count(t) from Team t")
    Page<Team> findAllWithParent(Pageable pageable);

    List<Team> findByParentOrderByName(Team parent);

    @Query("select t from Team t where lower(t.name) like lower(concat('%', :text, '%'))"
            + " or t.slug like lower(concat('%', :text, '%')) order by t.name")
    List<Team> search(String text, Pageable pageable);
}
