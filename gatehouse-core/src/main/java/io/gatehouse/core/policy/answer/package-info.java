/**
 * What the terminal shows: the tip catalog (a template per outcome and language, operator overrides over
 * built-in English and Chinese texts) and the fitting of a tip to the screen's ten characters, counted in
 * Unicode code points.
 */
package io.gatehouse.core.policy.answer;
