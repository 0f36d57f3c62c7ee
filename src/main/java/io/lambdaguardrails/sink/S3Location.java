package io.lambdaguardrails.sink;

import java.util.regex.Pattern;

/** {@code s3://bucket/prefix}: a bucket and a key prefix without leading or trailing slashes (possibly empty). */
public record S3Location(String bucket, String prefix) {

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    public S3Location {
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException("not an S3 bucket name: " + bucket);
        }
        prefix = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
    }

    public static boolean isS3(String text) {
        return text != null && text.startsWith("s3://");
    }

    public static S3Location parse(String uri) {
        if (!isS3(uri)) {
            throw new IllegalArgumentException("not an s3:// URI: " + uri);
        }
        String rest = uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? new S3Location(rest, "") : new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
    }

    /** The full object key of a key relative to this prefix. */
    public String key(String relative) {
        return prefix.isEmpty() ? relative : prefix + "/" + relative;
    }

    @Override
    public String toString() {
        return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }
}
