package io.gatehouse.core.policy.directory;

/**
 * Why an entry cannot be accepted as it is: the field at fault and what is wrong with it.
 *
 * @param conflict the entry is fine on its own but clashes with another (a device or card already taken)
 */
public record Problem(String field, String reason, boolean conflict) {
    public Problem(String field, String reason) {
        this(field, reason, false);
    }
}
