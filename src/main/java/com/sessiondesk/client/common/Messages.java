package com.sessiondesk.client.common;

import com.ibm.icu.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every text the client shows, from one resource bundle for FXML ({@code %key}, passed to the
 * FXMLLoader by {@link Fxml}) and code ({@link #get}, {@link #format}):
 * {@code src/main/resources/i18n/messages.properties} (English) and {@code messages_es.properties}
 * (Spanish). The language is chosen once at start: the one remembered from the Language menu,
 * else the system's when the client has it, else English. docs/architecture.md ("Languages").
 */
public final class Messages {

    public static final String BUNDLE = "i18n.messages";
    /** The languages the client speaks; the first is the fallback. */
    public static final List<String> LANGUAGES = List.of("en", "es");

    private static Locale locale = Locale.ENGLISH;
    private static ResourceBundle bundle = load(Locale.ENGLISH);
    /** Parsed patterns of {@link #format}, per key for the texts in use (a table cell formats on every update). */
    private static volatile Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

    private Messages() {
    }

    /**
     * Chooses the language for this run and makes it the JVM's default locale (so JavaFX's own
     * texts, like a dialog's Cancel, follow), keeping the system's region for dates and numbers.
     *
     * @param remembered a language tag from client.properties, or null for the system's language
     */
    public static void choose(String remembered) {
        Locale system = Locale.getDefault();
        String language = remembered != null && LANGUAGES.contains(remembered) ? remembered
                : LANGUAGES.contains(system.getLanguage()) ? system.getLanguage() : LANGUAGES.get(0);
        Locale chosen = language.equals(system.getLanguage()) ? system
                : new Locale.Builder().setLocale(system).setLanguage(language).setScript("").build();
        use(chosen);
        Locale.setDefault(chosen);
    }

    /** Uses a locale's texts without touching the JVM default (tests). */
    public static void use(Locale chosen) {
        locale = chosen;
        bundle = load(chosen);
        formats = new ConcurrentHashMap<>();
    }

    /** Uses the given texts (tests: a bundle that marks every text, to find texts not taken from it). */
    public static void use(ResourceBundle texts) {
        locale = texts.getLocale() == null || texts.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH : texts.getLocale();
        bundle = texts;
        formats = new ConcurrentHashMap<>();
    }

    private static ResourceBundle load(Locale chosen) {
        // No fallback to the JVM's default locale: a language we lack reads English, the base bundle.
        return ResourceBundle.getBundle(BUNDLE, chosen, Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Locale locale() {
        return locale;
    }

    /** The language of this run's texts ("en", "es"). */
    public static String language() {
        return bundle.getLocale().getLanguage().isEmpty() ? LANGUAGES.get(0) : bundle.getLocale().getLanguage();
    }

    public static ResourceBundle bundle() {
        return bundle;
    }

    public static boolean has(String key) {
        return bundle.containsKey(key);
    }

    public static String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!"; // visible in the window, caught by MessagesTest
        }
    }

    /**
     * A text with arguments, in ICU MessageFormat syntax: {@code {0}}, numbers in the locale, and
     * counts with the language's plural rules ({@code {0,plural,one{# session} other{# sessions}}},
     * {@code =0{...}} for a text of its own at zero), never a number glued to a fixed word.
     */
    public static String format(String key, Object... args) {
        MessageFormat pattern = formats.computeIfAbsent(key, k -> new MessageFormat(get(k), locale));
        synchronized (pattern) { // a MessageFormat is not thread-safe; background tasks format too
            return pattern.format(args);
        }
    }
}
