package io.lambdaguardrails.rules.support;

import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.policy.Actions;
import io.lambdaguardrails.policy.NamedPolicy;
import io.lambdaguardrails.policy.Wildcard;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What Lambda's event-source poller calls with a function's execution role — the actions of AWS's
 * AWSLambdaSQSQueueExecutionRole, AWSLambdaKinesisExecutionRole, AWSLambdaDynamoDBExecutionRole,
 * AWSLambdaMSKExecutionRole and AWSLambdaMQExecutionRole — so that a role's grants for a source service can be told
 * apart from the function's own use of it.
 */
public final class PollerPermissions {

    private static final Map<String, Set<String>> BY_SERVICE = Map.of(
            "sqs", actions("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"),
            "kinesis", actions("kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:DescribeStream",
                    "kinesis:DescribeStreamSummary", "kinesis:ListShards", "kinesis:ListStreams", "kinesis:SubscribeToShard",
                    "kinesis:DescribeStreamConsumer"),
            "dynamodb", actions("dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:DescribeStream", "dynamodb:ListStreams"),
            "kafka", actions("kafka:DescribeCluster", "kafka:DescribeClusterV2", "kafka:GetBootstrapBrokers"),
            "mq", actions("mq:DescribeBroker"));

    private PollerPermissions() {
    }

    /** Whether an event source of the service is polled by Lambda with the execution role. */
    public static boolean pollable(String service) {
        return BY_SERVICE.containsKey(service);
    }

    /** The services of the function's event sources ({@code sqs} for a queue ARN). */
    public static Set<String> polled(LambdaFunction function) {
        Set<String> out = new TreeSet<>();
        for (String source : function.eventSourceArns()) {
            String[] parts = source.split(":", 6);
            if (parts.length == 6 && BY_SERVICE.containsKey(parts[2].toLowerCase(Locale.ROOT))) {
                out.add(parts[2].toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /**
     * Whether Lambda's poller calls {@code action} with the role for one of the function's event sources — or might,
     * when the event sources were not read: such a grant is the poller's, not the code's.
     */
    public static boolean forThePoller(LambdaFunction function, String action) {
        String service = Actions.service(action).orElse("");
        boolean polled = function.collected(LambdaFunction.Part.EVENT_SOURCES)
                ? polled(function).contains(service) : pollable(service);
        return polled && BY_SERVICE.get(service).contains(action.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether every Allow of the identity policies that reaches the service names only poller actions of it, one by
     * one: a wildcard or NotAction could grant the code more.
     */
    public static boolean onlyPolling(List<NamedPolicy> identity, String service) {
        Set<String> poller = BY_SERVICE.getOrDefault(service, Set.of());
        return identity.stream().flatMap(p -> p.document().statements().stream())
                .filter(s -> s.allows() && s.coversAnyActionOf(service))
                .allMatch(s -> !s.usesNotAction() && s.actions().stream()
                        .filter(a -> Actions.matchesSomeActionOf(a, service))
                        .allMatch(a -> !Wildcard.has(a) && poller.contains(a.toLowerCase(Locale.ROOT))));
    }

    private static Set<String> actions(String... names) {
        Set<String> out = new TreeSet<>();
        for (String n : names) {
            out.add(n.toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
