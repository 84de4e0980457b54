package dev.storesapi.user;

import dev.storesapi.error.BrokenConstraint;
import dev.storesapi.error.ConflictException;
import dev.storesapi.error.NotFoundException;
import dev.storesapi.mail.EmailOutbox;
import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
public class UserService {

    static final String TAKEN = "A user with that username or email already exists.";
    private static final String NOT_FOUND = "User not found.";

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final EmailOutbox emails;
    private final TransactionTemplate transactions;

    UserService(UserRepository users, PasswordEncoder passwordEncoder, Clock clock, EmailOutbox emails,
            PlatformTransactionManager transactionManager) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.emails = emails;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Creates the user and, in the same transaction, the job of their "Successfully signed up" email. */
    public User register(RegisterRequest request) {
        return create(request.username(), request.email(), request.password(), Role.USER, user ->
                emails.enqueueRegistrationEmail(user.getId(), user.getEmail(), user.getUsername()));
    }

    /** Creates a user; a username or email already taken (also by a concurrent request) is a conflict. */
    public User create(String username, String email, String password, Role role) {
        return create(username, email, password, role, user -> {
        });
    }

    /**
     * The password is hashed between the duplicate check and the insert, outside any transaction,
     * so that a burst of registrations never holds database connections while the CPU hashes.
     */
    private User create(String username, String email, String password, Role role, Consumer<User> inSameTransaction) {
        if (users.existsByUsernameKeyOrEmailKey(User.usernameKey(username), User.emailKey(email))) {
            throw new ConflictException(TAKEN);
        }
        String passwordHash = passwordEncoder.encode(password);
        try {
            return transactions.execute(status -> {
                User user = users.saveAndFlush(new User(username, email, passwordHash, role, clock.instant()));
                inSameTransaction.accept(user);
                return user;
            });
        } catch (DataIntegrityViolationException refused) {
            if (BrokenConstraint.of(refused).isUnique()) {
                throw new ConflictException(TAKEN, refused);
            }
            throw refused;
        }
    }

    /** The caller sees the email of their own account, or of any account when they are an admin. */
    @Transactional(readOnly = true)
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
