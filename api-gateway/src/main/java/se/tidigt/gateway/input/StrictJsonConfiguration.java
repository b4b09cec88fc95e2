package se.tidigt.gateway.input;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/** Request and response bodies go through the strict mapper (Spring Boot then adds no converter of its own). */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    @Bean
    MappingJackson2HttpMessageConverter strictJsonConverter(StrictJson json) {
        return new MappingJackson2HttpMessageConverter(json.mapper());
    }
}
