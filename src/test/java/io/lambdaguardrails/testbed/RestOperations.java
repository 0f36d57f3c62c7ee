package io.lambdaguardrails.testbed;

import java.util.List;
import java.util.regex.Pattern;

/** Operation names of the REST-style APIs the scanner calls, recognised from method and path. */
final class RestOperations {

    private record Route(String service, String method, Pattern path, String operation) {
    }

    private static final List<Route> ROUTES = List.of(
            route("lambda", "GET", "/20\\d\\d-\\d\\d-\\d\\d/functions/?", "ListFunctions"),
            route("lambda", "GET", "/2015-03-31/functions/[^/]+/policy/?", "GetPolicy"),
            route("lambda", "GET", "/2021-10-31/functions/[^/]+/url/?", "GetFunctionUrlConfig"),
            route("lambda", "GET", "/2021-10-31/functions/[^/]+/urls/?", "ListFunctionUrlConfigs"),
            route("lambda", "GET", "/2017-03-31/tags/.+", "ListTags"),
            route("lambda", "GET", "/2019-09-30/functions/[^/]+/concurrency/?", "GetFunctionConcurrency"),
            route("lambda", "GET", "/2019-09-25/functions/[^/]+/event-invoke-config/list/?", "ListFunctionEventInvokeConfigs"),
            route("lambda", "GET", "/2015-03-31/event-source-mappings/?", "ListEventSourceMappings"),
            route("lambda", "GET", "/2020-04-22/code-signing-configs/?", "ListCodeSigningConfigs"),
            route("lambda", "GET", "/2020-04-22/code-signing-configs/[^/]+/functions/?", "ListFunctionsByCodeSigningConfig"),
            route("lambda", "GET", "/2020-06-30/functions/[^/]+/code-signing-config/?", "GetFunctionCodeSigningConfig"),
            route("lambda", "GET", "/2015-03-31/functions/[^/]+/aliases/?", "ListAliases"),
            route("lambda", "POST", "/2015-03-31/functions/[^/]+/aliases/?", "CreateAlias"),
            route("lambda", "POST", "/2015-03-31/functions/[^/]+/versions/?", "PublishVersion"),
            route("lambda", "POST", "/2021-10-31/functions/[^/]+/url/?", "CreateFunctionUrlConfig"),
            route("lambda", "GET", "/2015-03-31/functions/[^/]+/?", "GetFunction"),
            route("lambda", "POST", "/2015-03-31/functions/?", "CreateFunction"),
            route("lambda", "POST", "/2015-03-31/functions/[^/]+/policy/?", "AddPermission"),
            route("access-analyzer", "GET", "/analyzer/?", "ListAnalyzers"),
            route("signer", "GET", "/signing-profiles/[^/]+/?", "GetSigningProfile"),
            route("s3", "PUT", "/[^/]+/.+", "PutObject"),
            route("s3", "GET", "/[^/]+/.+", "GetObject"),
            route("s3", "GET", "/[^/]+/?", "ListObjectsV2"),
            route("s3", "PUT", "/[^/]+/?", "CreateBucket"),
            route("s3", "HEAD", "/[^/]+/.+", "HeadObject"));

    private RestOperations() {
    }

    private static Route route(String service, String method, String path, String operation) {
        return new Route(service, method, Pattern.compile(path), operation);
    }

    static String name(String service, String method, String path) {
        return ROUTES.stream()
                .filter(r -> r.service().equals(service) && r.method().equals(method) && r.path().matcher(path).matches())
                .map(Route::operation).findFirst().orElse(method + " " + path);
    }
}
