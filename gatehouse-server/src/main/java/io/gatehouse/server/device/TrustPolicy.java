package io.gatehouse.server.device;

/**
 * How far the hub trusts a terminal's TLS certificate. Terminals ship self-signed certificates, so the default is
 * trust on first use: the hub pins the certificate it sees first and refuses a different one until an operator
 * accepts it. A site with its own CA gives the CA file instead; {@code INSECURE} trusts anything and is for labs.
 *
 * @param caFile the PEM file of the CA that signed the devices' certificates; only with {@code CA_FILE}
 */
public record TrustPolicy(Mode mode, String caFile) {
    public static final TrustPolicy TOFU = new TrustPolicy(Mode.TRUST_ON_FIRST_USE, null);

    public enum Mode {
        TRUST_ON_FIRST_USE("tofu"), CA_FILE("ca-file"), INSECURE("insecure");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Mode of(String label) {
            for (Mode mode : values()) {
                if (mode.label.equals(label)) {
                    return mode;
                }
            }
            return null;
        }
    }
}
