package io.gatehouse.core.policy.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The terminal shows about ten characters: tips are cut by code points, never inside a character. */
class ScreenTextTest {

    @ParameterizedTest(name = "\"{0}\" fits as \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            Welcome, Anna          | Welcome, A
            Hi Anna                | Hi Anna
            欢迎，欧阳娜娜娜娜娜娜娜 | 欢迎，欧阳娜娜娜娜娜
            不在通行时间             | 不在通行时间
            😀😀😀😀😀😀😀😀😀😀😀😀   | 😀😀😀😀😀😀😀😀😀😀
            𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇𠀈𠀉𠀊       | 𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇𠀈𠀉
            欢迎，科恩👩‍💻x          | 欢迎，科恩👩‍💻x
            Hi 科恩xxx👩‍💻           | Hi 科恩xxx👩
            """)
    void cutsAtTenCodePoints(String text, String shown) {
        assertThat(ScreenText.fit(text, 10)).isEqualTo(shown);
    }

    @Test
    void controlCharactersBecomeSpacesSoATipIsOneLine() {
        assertThat(ScreenText.fit("Hi\nAnna\u0000", 10)).isEqualTo("Hi Anna ");
    }

    @Test
    void everyFittedTipIsAPrefixOfAtMostTheLimitWithoutAHalfCharacter() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 40), integers().between(1, 12))
                .checkAssert((text, limit) -> {
                    String fitted = ScreenText.fit(text, limit);
                    assertThat(ScreenText.length(fitted)).isLessThanOrEqualTo(limit);
                    assertThat(ScreenText.fit(text, Integer.MAX_VALUE)).startsWith(fitted);
                    for (int i = 0; i < fitted.length(); i++) {
                        char c = fitted.charAt(i);
                        if (Character.isHighSurrogate(c)) {
                            assertThat(i + 1 < fitted.length() && Character.isLowSurrogate(fitted.charAt(i + 1)))
                                    .as("high surrogate at %d has its pair", i).isTrue();
                            i++;
                        } else {
                            assertThat(Character.isLowSurrogate(c)).as("lone low surrogate at %d", i).isFalse();
                        }
                    }
                });
    }

    @Test
    void theCatalogFillsInTheNameAndFallsBackToEnglish() {
        TipCatalog catalog = new TipCatalog(Map.of("de", Map.of("ALLOWED", "Hallo {name}")), 10);
        assertThat(catalog.render("de", "ALLOWED", "Anna")).isEqualTo("Hallo Anna");
        assertThat(catalog.render("de", "NO_RULE", "Anna")).isEqualTo("No access");
        assertThat(catalog.render("zh", "ALLOWED", "科恩")).isEqualTo("欢迎，科恩");
        assertThat(catalog.render("zh", "OUTSIDE_SCHEDULE", "科恩")).isEqualTo("不在通行时间");
        assertThat(catalog.render("en", "ALLOWED", "Maximilian-Alexander")).isEqualTo("Hi Maximil");
        assertThat(catalog.render("en", "ALLOWED", null)).isEqualTo("Hi");
    }

    @Test
    void everyBuiltInTipFitsTheScreenAsWritten() {
        TipCatalog.builtIn().forEach((language, templates) -> templates.forEach((outcome, template) ->
                assertThat(ScreenText.length(template.replace(TipCatalog.NAME, "")))
                        .as(language + " " + outcome).isLessThanOrEqualTo(ScreenText.DEFAULT_LENGTH)));
    }
}
