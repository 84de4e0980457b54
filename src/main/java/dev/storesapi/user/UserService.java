package dev.storesapi.user;

import dev.storesapi.error.BrokenConstraint;
import dev.storesapi.error.ConflictException;
import dev.storesapi.error.NotFoundException;
import dev.storesapi.mail.EmailOutbox;
import java.time.Clock;
import java.time.Duration;
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
    /**
     * How long a sign-up waits for an earlier one of the same username or email: well beyond what
     * one takes (a hashing slot within PASSWORD_HASH_WAIT, one hash, one insert).
     */
    private static final Duration SIGN_UP_WAIT = Duration.ofSeconds(10);

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final EmailOutbox emails;
    private final TransactionTemplate transactions;
    private final SignUpClaims inFlight = new SignUpClaims(SIGN_UP_WAIT);

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
     * so that a burst of registrations never holds database connections while the CPU hashes. A
     * concurrent sign-up of the same username or email in this instance is waited for first
     * ({@link SignUpClaims}), so the check sees it and a duplicate costs no hash.
     */
    private User create(String username, String email, String password, Role role, Consumer<User> inSameTransaction) {
        String usernameKey = User.usernameKey(username);
        String emailKey = User.emailKey(email);
        try (SignUpClaims.Claim claim = inFlight.claim(usernameKey, emailKey)) {
            if (users.existsByUsernameKeyOrEmailKey(usernameKey, emailKey)) {
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
