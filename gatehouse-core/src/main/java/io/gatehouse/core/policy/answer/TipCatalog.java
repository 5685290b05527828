package io.gatehouse.core.policy.answer;

import java.util.HashMap;
import java.util.Map;

/**
 * The screen tip for each outcome, per language: a template in which {@code {name}} stands for the person's
 * name. Operators override single entries; everything they leave out comes from the built-in English and
 * Chinese texts, which are written to fit the terminal's ten characters. A language without an entry falls
 * back to English.
 */
public final class TipCatalog {
    public static final String NAME = "{name}";
    public static final String FALLBACK_LANGUAGE = "en";
    private static final java.util.regex.Pattern LANGUAGE = java.util.regex.Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{1,8})?");

    private static final Map<String, Map<String, String>> BUILT_IN = Map.of(
            "en", Map.ofEntries(
                    Map.entry("ALLOWED", "Hi {name}"),
                    Map.entry("UNKNOWN_DOOR", "No access"),
                    Map.entry("BLACKLISTED", "No entry"),
                    Map.entry("OUTSIDE_VALIDITY", "Expired"),
                    Map.entry("OUTSIDE_SCHEDULE", "Not now"),
                    Map.entry("UNKNOWN_PERSON", "Unknown"),
                    Map.entry("NO_RULE", "No access"),
                    Map.entry("DENIED_BY_RULE", "No access"),
                    Map.entry("LOW_SCORE", "Try again"),
                    Map.entry("HIGH_TEMPERATURE", "Temp high"),
                    Map.entry("MASK_ABSENT", "Wear mask"),
                    Map.entry("PASSBACK", "Passback"),
                    Map.entry("DELEGATE_ALLOWED", "Hi {name}"),
                    Map.entry("DELEGATE_DENIED", "No access"),
                    Map.entry("FAIL_OPEN", "Hi {name}"),
                    Map.entry("FAIL_SECURE", "Try later")),
            "zh", Map.ofEntries(
                    Map.entry("ALLOWED", "欢迎，{name}"),
                    Map.entry("UNKNOWN_DOOR", "未登记的门"),
                    Map.entry("BLACKLISTED", "禁止通行"),
                    Map.entry("OUTSIDE_VALIDITY", "不在有效期"),
                    Map.entry("OUTSIDE_SCHEDULE", "不在通行时间"),
                    Map.entry("UNKNOWN_PERSON", "未登记人员"),
                    Map.entry("NO_RULE", "无通行权限"),
                    Map.entry("DENIED_BY_RULE", "无通行权限"),
                    Map.entry("LOW_SCORE", "请重新识别"),
                    Map.entry("HIGH_TEMPERATURE", "体温异常"),
                    Map.entry("MASK_ABSENT", "请佩戴口罩"),
                    Map.entry("PASSBACK", "禁止反潜回"),
                    Map.entry("DELEGATE_ALLOWED", "欢迎，{name}"),
                    Map.entry("DELEGATE_DENIED", "无通行权限"),
                    Map.entry("FAIL_OPEN", "欢迎，{name}"),
                    Map.entry("FAIL_SECURE", "系统繁忙")));

    public static final TipCatalog BUILT_IN_ONLY = new TipCatalog(Map.of(), ScreenText.DEFAULT_LENGTH);

    private final Map<String, Map<String, String>> overrides;
    private final int screenLength;

    /**
     * @param overrides    language → outcome name → template, as the operator set them
     * @param screenLength the most characters (code points) a tip may have
     */
    public TipCatalog(Map<String, Map<String, String>> overrides, int screenLength) {
        Map<String, Map<String, String>> copy = new HashMap<>();
        overrides.forEach((language, templates) -> copy.put(language, Map.copyOf(templates)));
        this.overrides = Map.copyOf(copy);
        this.screenLength = screenLength;
    }

    /** Whether {@code code} looks like a language code the catalog can be keyed by: {@code en}, {@code zh}, {@code pt-BR}. */
    public static boolean isLanguage(String code) {
        return code != null && LANGUAGE.matcher(code).matches();
    }

    /** The operator's overrides only, as they were set. */
    public Map<String, Map<String, String>> overrides() {
        return overrides;
    }

    public static Map<String, Map<String, String>> builtIn() {
        return BUILT_IN;
    }

    public TipCatalog withScreenLength(int length) {
        return new TipCatalog(overrides, length);
    }

    /** The tip for {@code outcome} in {@code language}, with the name filled in and cut to the screen. */
    public String render(String language, String outcome, String personName) {
        String template = template(language, outcome);
        if (template == null) {
            return null;
        }
        String text = template.replace(NAME, personName == null ? "" : personName).strip();
        return ScreenText.fit(text, screenLength);
    }

    private String template(String language, String outcome) {
        for (String candidate : new String[] {language, FALLBACK_LANGUAGE}) {
            String found = overrides.getOrDefault(candidate, Map.of()).get(outcome);
            if (found == null) {
                found = BUILT_IN.getOrDefault(candidate, Map.of()).get(outcome);
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
