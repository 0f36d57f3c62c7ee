package io.lambdaguardrails.sink;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.util.function.Supplier;

/**
 * The caller's S3 client and presigner, asked for only when an {@code s3://} location is used, so a run that writes
 * to a local folder never needs AWS credentials.
 */
public interface S3Access {

    S3Client client();

    S3Presigner presigner();

    /** Builds the client and the presigner on first use, once. */
    static S3Access lazy(Supplier<S3Client> client, Supplier<S3Presigner> presigner) {
        return new S3Access() {
            private S3Client s3;
            private S3Presigner signer;

            public synchronized S3Client client() {
                if (s3 == null) {
                    s3 = client.get();
                }
                return s3;
            }

            public synchronized S3Presigner presigner() {
                if (signer == null) {
                    signer = presigner.get();
                }
                return signer;
            }
        };
    }

    /** For entry points that only write local folders; an s3:// location is a usage error there. */
    static S3Access unavailable(String why) {
        return new S3Access() {
            public S3Client client() {
                throw new IllegalArgumentException(why);
            }

            public S3Presigner presigner() {
                throw new IllegalArgumentException(why);
            }
        };
    }
}
