package se.tidigt.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import se.tidigt.platform.secrets.KeyDirectory;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The embedded default: with no database configured Tidigt starts a real PostgreSQL of its own,
 * whose data lives in {@code TIDIGT_DATA_DIR} and survives restarts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DeploymentMode.Embedded.class)
class EmbeddedDatabaseConfiguration {

    // Spring closes this after the DataSource and Axon, so nothing is still flushing when it stops.
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${tidigt.data-dir}") Path dataDir) throws IOException {
        return EmbeddedPostgresServer.start(dataDir);
    }

    /**
     * The keys the embedded default generates for itself, in its data directory; made after PostgreSQL
     * has started, because initdb wants an empty directory.
     */
    @Bean
    KeyDirectory generatedKeys(EmbeddedPostgres postgres, @Value("${tidigt.data-dir}") Path dataDir) {
        return new KeyDirectory(dataDir.toAbsolutePath().normalize().resolve("tidigt-keys"));
    }

    /** Hikari's settings ({@code spring.datasource.hikari.*}) apply here as to a configured server. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = DataSourceBuilder.create().type(HikariDataSource.class)
                .driverClassName("org.postgresql.Driver")
                .url("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres")
                .username("postgres")
                .build();
        dataSource.setPoolName("tidigt-embedded");
        return dataSource;
    }
}
