package com.sessiondesk.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void superUsersNeedTwelveCharacters() {
        assertThat(PasswordPolicy.problem("elevenchars", true)).hasValueSatisfying(
                m -> assertThat(m).contains("at least 12"));
        assertThat(PasswordPolicy.problem("twelve chars", true)).isEmpty();
    }

    @Test
    void staffNeedEightCharacters() {
        assertThat(PasswordPolicy.problem("seven77", false)).isPresent();
        assertThat(PasswordPolicy.problem("eight888", false)).isEmpty();
    }

    @Test
    void emptyAndBlankPasswordsAreRefused() {
        assertThat(PasswordPolicy.problem(null, false)).isPresent();
        assertThat(PasswordPolicy.problem("            ", true)).hasValue("The password is empty.");
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        // Seven emoji are 14 UTF-16 units but 7 characters: too short for staff.
        assertThat(PasswordPolicy.problem("😀😀😀😀😀😀😀", false)).isPresent();
    }
}
