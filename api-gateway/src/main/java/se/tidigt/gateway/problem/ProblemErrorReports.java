package se.tidigt.gateway.problem;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** Errors raised before Spring MVC (Tomcat, Spring Security's firewall) answered as problem details too. */
@Configuration(proxyBeanMethods = false)
class ProblemErrorReports {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    /** The firewall's refusals ({@code ..}, {@code %25}, {@code ;} in a path) are 400 problem details. */
    @Bean
    RequestRejectedHandler requestRejectedAsProblem(ProblemResponses problems) {
        return (request, response, rejected) -> problems.write(response,
                ErrorPages.of(org.springframework.http.HttpStatus.BAD_REQUEST));
    }
}
