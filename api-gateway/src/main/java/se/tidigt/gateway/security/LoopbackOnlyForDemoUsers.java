package se.tidigt.gateway.security;

import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

import java.net.InetAddress;

/** The demo users share one well-known password, so while they are on nobody off this machine may connect. */
@Component
@Conditional(DemoUsersSwitch.class)
class LoopbackOnlyForDemoUsers implements WebServerFactoryCustomizer<ConfigurableWebServerFactory> {

    @Override
    public void customize(ConfigurableWebServerFactory factory) {
        factory.setAddress(InetAddress.getLoopbackAddress());
    }
}
