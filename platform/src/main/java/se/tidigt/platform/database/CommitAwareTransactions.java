package se.tidigt.platform.database;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import se.tidigt.platform.problem.DatabaseFailures;

import javax.sql.DataSource;

/**
 * Spring Boot's JDBC transaction manager, except that a failed commit says so: Spring translates it
 * like any other SQL failure, and a client would be told "nothing was stored" about a write that
 * may well have been committed before the connection died.
 */
@Configuration(proxyBeanMethods = false)
class CommitAwareTransactions {

    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource) {
            @Override
            protected void doCommit(DefaultTransactionStatus status) {
                try {
                    super.doCommit(status);
                } catch (RuntimeException e) {
                    throw new DatabaseFailures.CommitOutcomeUnknown(e);
                }
            }
        };
    }
}
