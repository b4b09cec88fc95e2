package se.tidigt.platform.projections;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import se.tidigt.query.stats.StagedWrites;

/**
 * Runs each event handler of a dead-lettered projection behind a savepoint. A handler whose SQL
 * fails (a date PostgreSQL cannot hold, say) aborts the whole PostgreSQL transaction; without the
 * savepoint Axon could not then park the event in the same transaction, and the processor would
 * retry the same batch forever. Rolled back to the savepoint, the failure undoes only that handler's
 * writes, and the letter, the other events' writes and the token commit together. Handlers marked
 * {@link StagedWrites} run no SQL per event (they write at commit), so they need no savepoint.
 */
@Component
class SavepointPerEventHandler implements HandlerEnhancerDefinition {
    private static final TransactionDefinition NESTED =
            new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);

    private final PlatformTransactionManager transactions;

    SavepointPerEventHandler(PlatformTransactionManager transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class) || !isDeadLettered(original.declaringClass())
                || AnnotatedElementUtils.hasAnnotation(original.declaringClass(), StagedWrites.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                TransactionStatus savepoint = transactions.getTransaction(NESTED);
                Object result;
                try {
                    result = super.handle(message, target);
                } catch (Exception | Error e) {
                    transactions.rollback(savepoint);
                    throw e;
                }
                transactions.commit(savepoint);
                return result;
            }
        };
    }

    private static boolean isDeadLettered(Class<?> handlerClass) {
        ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(handlerClass, ProcessingGroup.class);
        return group != null && DeadLetteredGroups.NAMES.contains(group.value());
    }
}
