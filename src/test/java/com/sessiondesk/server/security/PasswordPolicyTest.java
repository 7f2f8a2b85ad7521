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

    @Test
    void oneCharacterRepeatedIsRefused() {
        assertThat(PasswordPolicy.problem("aaaaaaaaaaaa", true)).hasValueSatisfying(
                m -> assertThat(m).contains("one character repeated"));
        assertThat(PasswordPolicy.problem("77777777", false)).isPresent();
        assertThat(PasswordPolicy.problem("aaaaaaaaaaab", true)).isEmpty();
    }

    @Test
    void theMostCommonPasswordsAreRefusedWhateverTheirCase() {
        for (String common : new String[] {"password", "12345678", "qwertyuiop", "1qaz2wsx3edc", "Baseball1"}) {
            assertThat(PasswordPolicy.problem(common, false)).as(common).hasValueSatisfying(
                    m -> assertThat(m).contains("most common passwords"));
        }
        assertThat(PasswordPolicy.problem("QWERTY123456", true)).isPresent();
        assertThat(PasswordPolicy.problem("Staff-Test-Password-1", true)).isEmpty();
    }

    @Test
    void theLengthMessageNamesWhoTheMinimumIsFor() {
        assertThat(PasswordPolicy.problem("elevenchars", true)).hasValue(
                "The password is too short: at least 12 characters for a super user.");
        assertThat(PasswordPolicy.problem("seven77", false)).hasValue(
                "The password is too short: at least 8 characters for a staff member.");
    }

    @Test
    void tooShortIsTrueForEmptyPasswordsAndBelowEachMinimum() {
        assertThat(PasswordPolicy.tooShort(null, false)).isTrue();
        assertThat(PasswordPolicy.tooShort("", false)).isTrue();
        assertThat(PasswordPolicy.tooShort("          ", false)).isTrue();
        assertThat(PasswordPolicy.tooShort("seven77", false)).isTrue();
        assertThat(PasswordPolicy.tooShort("eight888", false)).isFalse();
        assertThat(PasswordPolicy.tooShort("eight888", true)).isTrue();
        assertThat(PasswordPolicy.tooShort("elevenchars", true)).isTrue();
        assertThat(PasswordPolicy.tooShort("twelve chars", true)).isFalse();
    }

    @Test
    void tooShortCountsCharactersAndIgnoresTheOtherRules() {
        assertThat(PasswordPolicy.tooShort("😀😀😀😀😀😀😀", false)).isTrue();
        assertThat(PasswordPolicy.tooShort("😀😀😀😀😀😀😀😀", false)).isFalse();
        assertThat(PasswordPolicy.tooShort("password", false)).isFalse();
        assertThat(PasswordPolicy.tooShort("aaaaaaaaaaaa", true)).isFalse();
    }
}
