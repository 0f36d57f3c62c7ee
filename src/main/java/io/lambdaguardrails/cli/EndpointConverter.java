package io.lambdaguardrails.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.net.URI;
import java.net.URISyntaxException;

/** An endpoint URL with its scheme and host ({@code http://127.0.0.1:5000}); a bare {@code host:port} says how to fix it. */
public class EndpointConverter implements ITypeConverter<URI> {

    @Override
    public URI convert(String value) {
        return parse(value, "--endpoint-url");
    }

    /** @param source where the value came from, for the message ({@code --endpoint-url}, {@code AWS_ENDPOINT_URL}) */
    static URI parse(String value, String source) {
        String text = value.trim();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            if (!text.contains("://")) {
                throw new TypeConversionException(source + " '" + value + "' has no scheme: write http://" + text
                        + " (or https://…)");
            }
            throw new TypeConversionException(source + " '" + value + "' is not a URL like http://127.0.0.1:5000");
        }
        if (!uri.getScheme().equals("http") && !uri.getScheme().equals("https")) {
            throw new TypeConversionException(source + " '" + value + "': the scheme must be http or https");
        }
        return uri;
    }
}
