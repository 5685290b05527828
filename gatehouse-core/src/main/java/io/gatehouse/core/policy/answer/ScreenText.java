package io.gatehouse.core.policy.answer;

/**
 * Fits a tip to the terminal's screen, which shows about ten characters. Characters are Unicode code points:
 * "欢迎" is two, "😀" is one (two UTF-16 units, four UTF-8 bytes), so CJK text is cut at a character boundary
 * and a surrogate pair is never split into a lone half that the terminal would show as garbage.
 */
public final class ScreenText {
    /** What the documents recommend for {@code customtips}: 0 to 10 characters. */
    public static final int DEFAULT_LENGTH = 10;

    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private ScreenText() {
    }

    /** {@code text} without control characters or broken surrogates, cut to at most {@code maxCodePoints} code points. */
    public static String fit(String text, int maxCodePoints) {
        if (text == null) {
            return null;
        }
        String clean = withoutControls(text);
        if (clean.codePointCount(0, clean.length()) <= maxCodePoints) {
            return clean;
        }
        String cut = clean.substring(0, clean.offsetByCodePoints(0, maxCodePoints));
        // a joiner left at the end would glue the cut emoji to whatever the device draws next
        while (!cut.isEmpty() && cut.codePointBefore(cut.length()) == ZERO_WIDTH_JOINER) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut;
    }

    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Control characters become spaces (a tip is one line); a lone surrogate becomes U+FFFD. */
    private static String withoutControls(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            char replacement = Character.isISOControl(c) ? ' '
                    : Character.isSurrogate(c) && !paired ? '\uFFFD' : c;
            if (replacement != c && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(replacement);
                if (paired) {
                    out.append(text.charAt(i + 1));
                }
            }
            if (paired) {
                i++;
            }
        }
        return out == null ? text : out.toString();
    }
}
