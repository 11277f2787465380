package engawa.db.people;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

@Entity
@Table(name = "team_memberships")
public class TeamMembership {

    @Embeddable
    public record Key(@Column(name = "team_id") Long teamId, @Column(name = "user_id") Long userId)
            implements Serializable {
    }

    @EmbeddedId
    private Key id;

    @MapsId("teamId")
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "team_id")
    private Team team;

    @MapsId("userId")
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    private User user;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    protected TeamMembership() {
    }

    public TeamMembership(Team team, User user, Instant joinedAt) {
        this.id = new Key(team.getId(), user.getId());
        this.team = team;
        this.user = user;
        this.joinedAt = joinedAt;
    }

    public Team getTeam() {
        return team;
    }

    public User getUser() {
        return user;
    }

    public Instant getJoinedAt() {
        return joinedAt;
    }
}
