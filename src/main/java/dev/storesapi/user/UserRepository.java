package dev.storesapi.user;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

public interface UserRepository extends JpaRepository<User, Long> {

    Optional<User> findByUsernameKey(String usernameKey);

    boolean existsByUsernameKeyOrEmailKey(String usernameKey, String emailKey);

    /** Only if nobody changed it meanwhile (a concurrent login upgrading it too); the rows updated. */
    @Transactional
    @Modifying
    @Query("update User u set u.passwordHash = :newHash where u.id = :id and u.passwordHash = :oldHash")
    int replacePasswordHash(Long id, String oldHash, String newHash);

    /** One statement; the database cascades to the user's login sessions, which revokes their tokens. */
    @Modifying
    @Query("delete from User u where u.id = :id")
    int deleteUserById(Long id);
}
