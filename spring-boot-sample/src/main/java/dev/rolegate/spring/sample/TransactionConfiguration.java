package dev.rolegate.spring.sample;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * A transaction manager for the in-memory store, standing in for a database's: it holds no resource
 * and counts what it began, committed and rolled back (the tests read the counts).
 */
@Configuration(proxyBeanMethods = false)
public class TransactionConfiguration {
  @Bean
  CountingTransactionManager transactionManager() {
    return new CountingTransactionManager();
  }

  /** Counts transactions. */
  public static class CountingTransactionManager extends AbstractPlatformTransactionManager {
    private static final long serialVersionUID = 1L;

    /** Transactions begun. */
    public final transient AtomicInteger begun = new AtomicInteger();

    /** Transactions committed. */
    public final transient AtomicInteger committed = new AtomicInteger();

    @Override
    protected Object doGetTransaction() {
      return new Object();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
      begun.incrementAndGet();
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
      committed.incrementAndGet();
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {}
  }
}
