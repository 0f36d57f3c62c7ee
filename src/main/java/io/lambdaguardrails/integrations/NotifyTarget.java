package io.lambdaguardrails.integrations;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/** Where a notification goes: an SNS topic ({@code sns:ARN}) or a webhook ({@code https://…}). */
public sealed interface NotifyTarget {

    Pattern TOPIC_ARN = Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?");

    /** Said in warnings and logs: a webhook's path and query often hold its secret token, so only the host is named. */
    String describe();

    record Sns(String topicArn) implements NotifyTarget {
        public String region() {
            return topicArn.split(":")[3];
        }

        public String describe() {
            return "sns:" + topicArn;
        }
    }

    record Webhook(URI url) implements NotifyTarget {
        public String describe() {
            return "webhook " + url.getScheme() + "://" + url.getHost() + "/…";
        }
    }

    /**
     * @throws IllegalArgumentException naming the expected forms, never echoing a webhook's path
     */
    static NotifyTarget parse(String text) {
        String value = text.trim();
        if (value.startsWith("sns:")) {
            String arn = value.substring("sns:".length());
            if (!TOPIC_ARN.matcher(arn).matches()) {
                throw new IllegalArgumentException("--notify sns:ARN needs an SNS topic ARN such as "
                        + "sns:arn:aws:sns:eu-west-1:111122223333:guardrails-alerts");
            }
            return new Sns(arn);
        }
        String scheme = value.contains(":") ? value.substring(0, value.indexOf(':')).toLowerCase(Locale.ROOT) : "";
        if (scheme.equals("https") || scheme.equals("http")) {
            try {
                URI url = URI.create(value);
                if (url.getHost() == null) {
                    throw new IllegalArgumentException("no host");
                }
                return new Webhook(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--notify: not a valid webhook URL");
            }
        }
        throw new IllegalArgumentException("--notify takes sns:TOPIC_ARN or an https:// webhook URL");
    }
}
