package com.sessiondesk.server;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Believable staff and devices for the demo agency and the benchmark loads: names from the
 * communities a home-care agency serves, the app language most of them pick, common phones.
 * Deterministic for a given seed, so the demo looks the same on every machine.
 */
public final class StaffGenerator {

    /** A generated staff member. */
    public record Person(String username, String name, String language) {
    }

    /** A phone model with its operating system versions. */
    public record Phone(String model, List<String> osVersions) {
    }

    /** Names of one community and the language they would choose in the app. */
    private record Origin(String language, List<String> women, List<String> men, List<String> surnames,
            int weight) {
    }

    public static final List<String> APPLICATIONS = List.of("Caregiver", "EVV", "Family");
    public static final List<String> LANGUAGES = List.of("English", "Spanish", "Chinese", "Russian", "Haitian Creole",
            "Polish", "Korean", "Vietnamese");

    private static final List<Origin> ORIGINS = List.of(
            new Origin("English",
                    List.of("Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Sarah", "Jessica", "Ashley",
                            "Keisha", "Latoya", "Aaliyah", "Brittany", "Megan", "Tiffany", "Danielle", "Shanice"),
                    List.of("James", "Robert", "Michael", "David", "William", "Tyrone", "Darnell", "Kevin", "Brian",
                            "Marcus", "Andre", "Terrence"),
                    List.of("Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson",
                            "Thomas", "Jackson", "White", "Harris", "Thompson", "Robinson", "Walker", "Coleman",
                            "Washington", "Brooks", "Murphy", "O'Brien", "Sullivan"),
                    30),
            new Origin("Spanish",
                    List.of("Maria", "Carmen", "Ana", "Rosa", "Lucia", "Sofia", "Elena", "Isabel", "Guadalupe",
                            "Yesenia", "Marisol", "Daniela"),
                    List.of("Jose", "Luis", "Carlos", "Miguel", "Jorge", "Diego", "Javier", "Alejandro", "Juan",
                            "Ramon"),
                    List.of("Lopez", "Garcia", "Martinez", "Rodriguez", "Hernandez", "Gonzalez", "Perez", "Sanchez",
                            "Ramirez", "Torres", "Flores", "Rivera", "Gomez", "Diaz", "Morales", "Reyes", "Castillo",
                            "Ortiz", "Vargas", "Mendoza"),
                    24),
            new Origin("Chinese",
                    List.of("Mei", "Xiu", "Hui", "Lan", "Yan", "Jing", "Ying", "Fang"),
                    List.of("Wei", "Jun", "Ming", "Hao", "Jian", "Tao"),
                    List.of("Chen", "Wang", "Zhang", "Liu", "Huang", "Zhao", "Wu", "Lin", "Zhou", "Xu"),
                    9),
            new Origin("Russian",
                    List.of("Olga", "Natalia", "Irina", "Svetlana", "Tatiana", "Elena", "Galina", "Lyudmila"),
                    List.of("Dmitri", "Sergei", "Alexei", "Ivan", "Yuri", "Nikolai"),
                    List.of("Ivanov|Ivanova", "Petrov|Petrova", "Smirnov|Smirnova", "Kuznetsov|Kuznetsova",
                            "Popov|Popova", "Volkov|Volkova", "Sokolov|Sokolova", "Morozov|Morozova"),
                    8),
            new Origin("Haitian Creole",
                    List.of("Marie", "Nadege", "Guerline", "Fabienne", "Mirlande", "Rose-Marie", "Widline",
                            "Farah"),
                    List.of("Jean", "Pierre", "Wilner", "Jacques", "Ricardo", "Fritz", "Evens"),
                    List.of("Joseph", "Pierre", "Jean-Baptiste", "Charles", "Louis", "Desir", "Etienne", "Francois",
                            "Toussaint", "Alexis", "Dorsainvil"),
                    9),
            new Origin("Polish",
                    List.of("Anna", "Katarzyna", "Agnieszka", "Magdalena", "Ewa", "Malgorzata", "Joanna"),
                    List.of("Piotr", "Tomasz", "Marek", "Pawel", "Krzysztof", "Andrzej"),
                    List.of("Nowak", "Kowalski|Kowalska", "Wisniewski|Wisniewska", "Wojcik", "Kaminski|Kaminska",
                            "Lewandowski|Lewandowska", "Zielinski|Zielinska", "Szymanski|Szymanska"),
                    7),
            new Origin("Korean",
                    List.of("Ji-woo", "Seo-yeon", "Soo-jin", "Eun-ji", "Min-seo", "Hye-jin"),
                    List.of("Min-jun", "Hyun-woo", "Ji-hoon", "Dong-hyun", "Sung-min"),
                    List.of("Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon"),
                    6),
            new Origin("Vietnamese",
                    List.of("Linh", "Thu", "Huong", "Lan", "Mai", "Hoa", "Ngoc", "Trang"),
                    List.of("Minh", "Tuan", "Duc", "Quang", "Hung", "Khanh"),
                    List.of("Nguyen", "Tran", "Le", "Pham", "Hoang", "Phan", "Vu", "Dang", "Bui"),
                    7));

    public static final List<Phone> PHONES = List.of(
            new Phone("Samsung Galaxy A54", List.of("Android 13", "Android 14")),
            new Phone("Samsung Galaxy A14", List.of("Android 13", "Android 14")),
            new Phone("Samsung Galaxy S23", List.of("Android 14")),
            new Phone("Samsung Galaxy A15", List.of("Android 14")),
            new Phone("Google Pixel 7", List.of("Android 14", "Android 15")),
            new Phone("Google Pixel 8", List.of("Android 15")),
            new Phone("Motorola Moto G Power", List.of("Android 12", "Android 13")),
            new Phone("Motorola Moto G Stylus", List.of("Android 13")),
            new Phone("OnePlus Nord N30", List.of("Android 13")),
            new Phone("iPhone 12", List.of("iOS 16.7", "iOS 17.6")),
            new Phone("iPhone 13", List.of("iOS 17.6", "iOS 18.1")),
            new Phone("iPhone 14", List.of("iOS 17.6", "iOS 18.1")),
            new Phone("iPhone 15", List.of("iOS 18.1")),
            new Phone("iPhone SE (3rd generation)", List.of("iOS 17.6", "iOS 18.1")),
            new Phone("iPhone 11", List.of("iOS 16.7", "iOS 17.6")));

    /** Current and older versions per application (index 0 is the newest). */
    public static List<String> versions(String application) {
        return switch (application) {
            case "Caregiver" -> List.of("5.8.2", "5.8.1", "5.7.4", "5.6.0");
            case "EVV" -> List.of("3.4.0", "3.3.2", "3.2.5");
            default -> List.of("2.1.3", "2.1.0", "2.0.4");
        };
    }

    private final Random random;
    private final Set<String> taken;
    private final int totalWeight = ORIGINS.stream().mapToInt(Origin::weight).sum();

    public StaffGenerator(long seed, Set<String> takenUsernames) {
        this.random = new Random(seed);
        this.taken = new HashSet<>(takenUsernames);
    }

    public Random random() {
        return random;
    }

    public Person nextPerson() {
        Origin origin = pickOrigin();
        boolean woman = random.nextInt(100) < 78; // home care staff are mostly women
        String first = pick(woman ? origin.women() : origin.men());
        String[] surname = pick(origin.surnames()).split("\\|");
        String last = surname.length == 2 && woman ? surname[1] : surname[0];
        String base = ascii(first) + "." + ascii(last);
        String username = base;
        for (int n = 2; taken.contains(username); n++) {
            username = base + n;
        }
        taken.add(username);
        String language = origin.language().equals("English") || random.nextInt(100) < 40
                ? "English" : origin.language();
        return new Person(username, first + " " + last, language);
    }

    public Phone nextPhone() {
        return pick(PHONES);
    }

    /** A stable-looking device id: Android ids are 16 hex digits, iOS ones UUIDs. */
    public String deviceId(Phone phone) {
        if (phone.model().startsWith("iPhone")) {
            return new java.util.UUID(random.nextLong(), random.nextLong()).toString().toUpperCase(Locale.ROOT);
        }
        String hex = Long.toHexString(random.nextLong());
        return "0".repeat(16 - hex.length()) + hex;
    }

    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private Origin pickOrigin() {
        int n = random.nextInt(totalWeight);
        for (Origin origin : ORIGINS) {
            n -= origin.weight();
            if (n < 0) {
                return origin;
            }
        }
        return ORIGINS.get(0);
    }

    /** The letters of a name, lower case: "O'Brien" gives "obrien", "Jean-Baptiste" "jeanbaptiste". */
    private static String ascii(String text) {
        StringBuilder letters = new StringBuilder(text.length());
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                letters.append(c);
            }
        }
        return letters.toString();
    }
}
