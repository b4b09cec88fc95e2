package se.tidigt.gateway.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a browser keeps the pages' scripts and styles. Under a content-hashed name (app-3f2a….js,
 * as {@link PageTemplates} links them) a file never changes, so it is kept for a year without asking
 * again ({@code immutable}); a new build has new names. Under its plain name (which no page links) it
 * is asked for again every time ({@code no-cache}, answered 304 when unchanged), so nobody runs an old
 * build's script for a year. Spring's resource handler is given no cache setting of its own, and checks
 * only the date of a conditional request: a hashed name's ETag, its hash, is checked here.
 */
@Configuration(proxyBeanMethods = false)
class AssetCaching implements WebMvcConfigurer {
    /** The name the resource chain's content strategy gives: the file's MD5 in hex before its ending. */
    private static final Pattern HASHED = Pattern.compile("-([0-9a-f]{32})\\.(?:js|css)$");
    private static final String FOR_A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable().getHeaderValue();
    private static final String ASK_AGAIN = CacheControl.noCache().getHeaderValue();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (!(handler instanceof ResourceHttpRequestHandler)) {
                    return true;
                }
                Matcher hashed = HASHED.matcher(request.getRequestURI());
                if (!hashed.find()) {
                    response.setHeader(HttpHeaders.CACHE_CONTROL, ASK_AGAIN);
                    return true;
                }
                response.setHeader(HttpHeaders.CACHE_CONTROL, FOR_A_YEAR);
                // The same ETag the resource chain gives the file: its content hash.
                return !new ServletWebRequest(request, response).checkNotModified("\"" + hashed.group(1) + "\"");
            }
        }).addPathPatterns("/dashboard/**", "/webjars/**");
    }
}
