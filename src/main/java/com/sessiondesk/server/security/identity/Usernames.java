package com.sessiondesk.server.security.identity;

import com.ibm.icu.text.SpoofChecker;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The one form of a username: Unicode NFKC, lower case, so that {@code Admin} and the full-width
 * {@code ａdmin} are the account {@code admin}. Every username is stored in this form and every
 * username typed (sign-in, a route, the command line) is turned into it before it is looked up.
 * Two usernames that only look alike ({@code admin} and the Cyrillic {@code аdmin}) have the same
 * confusable skeleton (Unicode TR39, ICU4J's {@link SpoofChecker}): a new account whose skeleton is
 * an existing account's is refused.
 */
public final class Usernames {

    private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder()
            .setChecks(SpoofChecker.CONFUSABLE).build();

    private Usernames() {
    }

    /** NFKC, lower case (NFKC again: lower-casing may leave a string that NFKC would change). */
    public static String normalize(String username) {
        if (username == null) {
            return null;
        }
        String folded = Normalizer.normalize(username, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(folded, Normalizer.Form.NFKC);
    }

    /** The TR39 skeleton of the normalized username: equal skeletons look alike. */
    public static String skeleton(String username) {
        return CONFUSABLES.getSkeleton(normalize(username));
    }

    /** True when the two usernames are different accounts that look alike (or the same account). */
    public static boolean confusable(String a, String b) {
        return skeleton(a).equals(skeleton(b));
    }
}
