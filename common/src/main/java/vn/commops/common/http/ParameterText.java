package vn.commops.common.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.commops.common.problem.ProblemException;
import vn.commops.contract.ControlCharacters;

/**
 * The text of the URL and the headers, checked before any endpoint reads it: a broken percent-escape
 * or bytes that are not UTF-8 are refused rather than decoded into replacement characters, and a
 * parameter or header holding a control character ({@code %00}) is refused, naming it, instead of
 * reaching a filter in SQL.
 */
public class ParameterText {

    @ServerRequestFilter(preMatching = true)
    public void checkUrlAndHeaders(ContainerRequestContext request) {
        // The path's escapes here; its parameters' text after matching, where they have names.
        for (String segment : request.getUriInfo().getRequestUri().getRawPath().split("/")) {
            decode("path", segment, false);
        }
        String rawQuery = request.getUriInfo().getRequestUri().getRawQuery();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode("query", equals < 0 ? pair : pair.substring(0, equals), true);
                checkLine("query", name);
                if (equals >= 0) {
                    checkLine(name, decode(name, pair.substring(equals + 1), true));
                }
            }
        }
        for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
            for (String value : header.getValue()) {
                String fault = ControlCharacters.faultInText(value);
                if (fault != null) {
                    throw ProblemException.badRequest("invalid-characters", header.getKey(), fault);
                }
            }
        }
    }

    /** After matching, so that a path parameter at fault is named as the API description names it. */
    @ServerRequestFilter
    public void checkPathParameters(ContainerRequestContext request) {
        MultivaluedMap<String, String> parameters = request.getUriInfo().getPathParameters();
        parameters.forEach((name, values) -> values.forEach(value -> checkLine(name, value)));
    }

    private static void checkLine(String name, String value) {
        String fault = ControlCharacters.faultInLine(value);
        if (fault != null) {
            throw ProblemException.badRequest("invalid-characters", name, fault);
        }
    }

    /** Percent-decoding that refuses what lenient decoders repair: {@code %zz}, a lone {@code %}, bytes not UTF-8. */
    static String decode(String name, String raw, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
            return raw;
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 4);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (low < 0) {
                    throw ProblemException.badRequest("bad-escape", name,
                            "holds a percent sign not followed by two hexadecimal digits (write %25 for '%')");
                }
                bytes.put((byte) (high << 4 | low));
                i += 2;
            } else if (c > 0x7f) {
                // Already text, as some clients send it: kept as its UTF-8 bytes, escapes after it still decoded.
                int codePoint = raw.codePointAt(i);
                bytes.put(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint) - 1;
            } else {
                bytes.put((byte) (c == '+' && plusIsSpace ? ' ' : c));
            }
        }
        bytes.flip();
        try {
            CharBuffer text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return text.toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("bad-escape", name, "holds percent-escaped bytes that are not UTF-8");
        }
    }
}
