package com.sessiondesk.server.security.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsernamesTest {

    @Test
    void usernamesAreKeptInNfkcLowerCase() {
        assertThat(Usernames.normalize("Admin")).isEqualTo("admin");
        assertThat(Usernames.normalize("\uFF41dmin")).as("full-width a").isEqualTo("admin");
        assertThat(Usernames.normalize("MARÍA.López")).isEqualTo("maría.lópez");
        assertThat(Usernames.normalize("mari\u0301a")).as("decomposed accent").isEqualTo("maría");
        assertThat(Usernames.normalize("anna+care@agency.org")).isEqualTo("anna+care@agency.org");
    }

    @Test
    void lookAlikesHaveTheSameSkeleton() {
        assertThat(Usernames.confusable("admin", "\u0430dmin")).as("Cyrillic a").isTrue();
        assertThat(Usernames.confusable("admin", "Admin")).isTrue();
        assertThat(Usernames.confusable("paypal", "p\u0430yp\u0430l")).isTrue();
        assertThat(Usernames.confusable("rn.lee", "m.lee")).isTrue();
        assertThat(Usernames.confusable("admin", "admin2")).isFalse();
        assertThat(Usernames.confusable("maria.lopez", "mario.lopez")).isFalse();
    }
}
