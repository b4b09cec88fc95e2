package se.tidigt.gateway.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages' HTML (resources/dashboard), with every script and style sheet linked under its
 * content-hashed name from Spring's resource chain (app-3f2a….js), so the assets can be cached for a
 * year and a new build is fetched at once. The HTML itself is small and never cached. What every page
 * shares (the head, the signed-in user's menu) is written once, in resources/dashboard/parts: a line
 * {@code {{> name}}} stands for parts/name.html.
 */
@Component
class PageTemplates {
    private static final Pattern ASSET = Pattern.compile("(src|href)=\"(/(?:dashboard|webjars)/[^\"]+\\.(?:js|css))\"");
    private static final Pattern PART = Pattern.compile("\\{\\{> ([a-z-]+)}}\n");

    private final ResourceUrlProvider urls;
    private final Map<String, String> pages = new ConcurrentHashMap<>();

    PageTemplates(ResourceUrlProvider urls) {
        this.urls = urls;
    }

    /** The page at resources/{@code path}, its asset links hashed (read once). */
    String page(String path) {
        return pages.computeIfAbsent(path, p -> hashed(withParts(read(p))));
    }

    /** A page that only says something (not found, not allowed): the common frame around the {@code <main>} at resources/{@code path}. */
    String message(String path) {
        return page("dashboard/message.html").replace("{{message}}", page(path));
    }

    /** A browser asking for a page (it accepts HTML, outside the API), as opposed to an API client. */
    static boolean askedByBrowser(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE) && !request.getRequestURI().startsWith("/api/");
    }

    static String read(String path) {
        try {
            return StreamUtils.copyToString(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String withParts(String html) {
        Matcher m = PART.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(read("dashboard/parts/" + m.group(1) + ".html")));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String hashed(String html) {
        Matcher m = ASSET.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String hashed = urls.getForLookupPath(m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "=\"" + (hashed == null ? m.group(2) : hashed) + "\""));
        }
        m.appendTail(out);
        return out.toString();
    }
}
