package com.sessiondesk.server.store;

import static com.sessiondesk.server.store.StoreFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.User;
import com.sessiondesk.server.store.Records.Credentials;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accounts: creating one, its credentials with its block as in force now, the listing, the super-user flag. */
class UsersTest {

    @TempDir
    Path dir;
    private StoreFixture f;

    @BeforeEach
    void open() {
        f = new StoreFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private void block(String username, Long until) {
        f.admin(q -> q.applyBlock(q.lockAccount(username, NOW).orElseThrow(), "admin", "Lost phone", until, NOW - 10));
    }

    @Test
    void aTakenUsernameIsNotCreatedAgain() {
        assertThat(f.store.createUser("maria.lopez", "Maria Lopez", "h1", true, 5)).isTrue();

        assertThat(f.store.createUser("maria.lopez", "Someone Else", "h2", false, 6)).isFalse();

        Credentials credentials = f.store.credentials("maria.lopez").orElseThrow();
        assertThat(credentials.name()).isEqualTo("Maria Lopez");
        assertThat(credentials.passwordHash()).isEqualTo("h1");
        assertThat(credentials.superUser()).isTrue();
        assertThat(credentials.blocked()).isFalse();
        assertThat(f.store.users()).hasSize(1);
    }

    @Test
    void credentialsTellWhetherABlockIsInForceNow() {
        f.user("open");
        f.user("blocked");
        f.user("forever");
        f.user("lapsed");
        block("blocked", NOW + 1);
        block("forever", null);
        block("lapsed", NOW);

        assertThat(f.store.credentials("open").orElseThrow().blocked()).isFalse();
        assertThat(f.store.credentials("blocked").orElseThrow().blocked()).isTrue();
        assertThat(f.store.credentials("forever").orElseThrow().blocked()).isTrue();
        assertThat(f.store.credentials("lapsed").orElseThrow().blocked()).isFalse();
        assertThat(f.store.credentials("nobody")).isEmpty();
    }

    @Test
    void everyUserIsListedByUsernameWithTheirBlockAndActiveSessions() {
        long zoe = f.user("zoe");
        f.user("ana");
        f.user("lapsed");
        f.login(zoe, "t1", 100);
        f.login(zoe, "t2", 100);
        block("ana", NOW + 60_000);
        block("lapsed", NOW);

        assertThat(f.store.users()).containsExactly(
                new User("ana", "Name of ana", false, true, Instant.ofEpochMilli(NOW - 10), "admin", "Lost phone", 0,
                        Instant.ofEpochMilli(NOW + 60_000)),
                new User("lapsed", "Name of lapsed", false, false, null, null, null, 0, null),
                new User("zoe", "Name of zoe", false, false, null, null, null, 2, null));
        assertThat(f.store.user("ana")).isEqualTo(f.store.users().stream().findFirst());
        assertThat(f.store.user("nobody")).isEmpty();
    }

    @Test
    void demotingASuperUserEndsTheirAdminTokensButPromotingKeepsThem() {
        f.store.createUser("boss", "Boss", "h", true, 1);
        long boss = f.store.credentials("boss").orElseThrow().userId();
        f.store.createAdminToken("a1", boss, NOW, NOW + 60_000);

        assertThat(f.store.setSuperUser("boss", true, "admin", NOW).orElseThrow().superUser()).isTrue();
        assertThat(f.store.adminToken("a1")).isPresent();

        assertThat(f.store.setSuperUser("boss", false, "admin", NOW).orElseThrow().superUser()).isFalse();
        assertThat(f.store.adminToken("a1")).isEmpty();
        assertThat(f.store.credentials("boss").orElseThrow().superUser()).isFalse();
        assertThat(f.store.setSuperUser("nobody", true, "admin", NOW)).isEmpty();
    }
}
