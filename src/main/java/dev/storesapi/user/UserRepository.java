package dev.storesapi.user;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface UserRepository extends JpaRepository<User, Long> {

    Optional<User> findByUsername(String username);

    boolean existsByUsernameOrEmailKey(String username, String emailKey);

    /** One statement; the database cascades to the user's login sessions, which revokes their tokens. */
    @Modifying
    @Query("delete from User u where u.id = :id")
    int deleteUserById(Long id);
}
