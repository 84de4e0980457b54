package dev.storesapi.user;

import dev.storesapi.domain.ConflictException;
import dev.storesapi.domain.NotFoundException;
import dev.storesapi.mail.EmailOutbox;
import java.time.Clock;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class UserService {

    static final String TAKEN = "A user with that username or email already exists.";
    private static final String NOT_FOUND = "User not found.";

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final EmailOutbox emails;

    UserService(UserRepository users, PasswordEncoder passwordEncoder, Clock clock, EmailOutbox emails) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.emails = emails;
    }

    /** Creates the user and, in the same transaction, the job of their "Successfully signed up" email. */
    @Transactional
    public User register(RegisterRequest request) {
        User user = create(request.username(), request.email(), request.password(), Role.USER);
        emails.enqueueRegistrationEmail(user.getId(), user.getEmail(), user.getUsername());
        return user;
    }

    /** Creates a user; a username or email already taken (also by a concurrent request) is a conflict. */
    @Transactional
    public User create(String username, String email, String password, Role role) {
        if (users.existsByUsernameOrEmailKey(username, User.emailKey(email))) {
            throw new ConflictException(TAKEN);
        }
        try {
            return users.saveAndFlush(new User(username, email, passwordEncoder.encode(password), role, clock.instant()));
        } catch (DataIntegrityViolationException raceWithAnotherRegistration) {
            throw new ConflictException(TAKEN);
        }
    }

    /** The caller sees the email of their own account, or of any account when they are an admin. */
    public UserResponse view(long userId, long callerId, boolean callerIsAdmin) {
        User user = users.findById(userId).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        return UserResponse.of(user, callerIsAdmin || userId == callerId);
    }

    @Transactional
    public void delete(long userId) {
        if (users.deleteUserById(userId) == 0) {
            throw new NotFoundException(NOT_FOUND);
        }
    }
}
