package io.gatehouse.server.device;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts device passwords for the database: AES-256-GCM (the JDK's), a fresh 96-bit nonce per encryption, the
 * device id as associated data so that a ciphertext moved to another device's row does not decrypt. The key is 32
 * random bytes in {@code DATA/device-secret.key}, created at first use with owner-only permissions. A stolen
 * database alone reveals no password; the database with the key does, so back them up apart and protect the key
 * like the admin token.
 */
public final class DeviceSecrets {
    static final String FILE = "device-secret.key";
    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    private DeviceSecrets(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** Reads the key from {@code dataDir}, creating it (0600) when absent. */
    public static DeviceSecrets open(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            try {
                create(file);
                Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.UTF_8);
            } catch (FileAlreadyExistsException e) {
                // another start created it first: use that one
            }
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is not a device secret key (base64 of 32 bytes)");
        }
        if (key.length != 32) {
            throw new IOException(file + " is not a device secret key (base64 of 32 bytes)");
        }
        return new DeviceSecrets(key);
    }

    private static void create(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(
                    Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system: protect the directory instead
        }
    }

    public String encrypt(String deviceId, String password) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, deviceId, nonce);
            byte[] sealed = cipher.doFinal(password.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** @throws IllegalArgumentException when the text was not sealed with this key for this device */
    public String decrypt(String deviceId, String sealedText) {
        if (!sealedText.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a sealed password");
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealedText.substring(PREFIX.length()));
            if (in.length <= NONCE_BYTES) {
                throw new IllegalArgumentException("not a sealed password");
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, deviceId, Arrays.copyOf(in, NONCE_BYTES));
            byte[] clear = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return new String(clear, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the password of device " + deviceId
                    + " does not decrypt with " + FILE + " (a different key, or a damaged row)");
        }
    }

    private Cipher cipher(int mode, String deviceId, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(deviceId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
