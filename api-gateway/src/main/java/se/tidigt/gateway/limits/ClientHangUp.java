package se.tidigt.gateway.limits;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * Whether the client of the request being served has gone away, asked of Tomcat without writing
 * anything. Tomcat itself tells a waiting request nothing when its client closes the connection (an
 * asynchronous request's listener hears nothing either, on this Tomcat, until something is written),
 * so the question is a non-blocking read on the connection: once the request's body has been read, an
 * HTTP/1.1 client sends nothing more until it has its answer, so anything the read finds — the end of
 * the stream or a reset — means the client has hung up. Ask it only from the request's own thread.
 */
@Component
class ClientHangUp implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
    private static final String ATTRIBUTE = ClientHangUp.class.getName();
    private static final BooleanSupplier NEVER = () -> false;

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextValves(new Probe());
    }

    /** The hang-up check of the request on this thread; one that never fires outside an HTTP request. */
    static BooleanSupplier ofCurrentRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        Object probe = attributes == null ? null : attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return probe instanceof BooleanSupplier check ? check : NEVER;
    }

    /** Puts the check on each request, bound to its connection. */
    static final class Probe extends ValveBase {
        Probe() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            org.apache.coyote.Request connection = request.getCoyoteRequest();
            request.setAttribute(ATTRIBUTE, (BooleanSupplier) () -> {
                connection.action(ActionCode.AVAILABLE, Boolean.TRUE);
                return connection.getAvailable() > 0;
            });
            getNext().invoke(request, response);
        }
    }
}
