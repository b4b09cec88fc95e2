package se.tidigt.audit.accesslog;

import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import se.tidigt.query.caseview.CaseView;
import se.tidigt.query.caseview.CaseViews;
import se.tidigt.query.caseview.ProposalItem;
import se.tidigt.query.caseview.WorklistItem;

import java.util.Collection;
import java.util.List;

/**
 * Logs every answer of a {@link LoggedRead} handler just before its body is written: after the
 * read succeeded (so the cases shown are known) and before anything leaves. Error answers come from
 * the problem advice, not from the handler, and are not logged as reads.
 */
@ControllerAdvice
class ReadLogging implements ResponseBodyAdvice<Object> {
    private final AccessLog log;

    ReadLogging(AccessLog log) {
        this.log = log;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return annotation(returnType) != null;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        log.record(annotation(returnType).caseLevel() ? caseIdsIn(body) : List.of());
        return body;
    }

    private static LoggedRead annotation(MethodParameter returnType) {
        LoggedRead onMethod = returnType.getMethodAnnotation(LoggedRead.class);
        return onMethod != null ? onMethod
                : AnnotatedElementUtils.findMergedAnnotation(returnType.getContainingClass(), LoggedRead.class);
    }

    /** The cases a case-level answer shows; an answer of an unknown shape fails loudly rather than log no case. */
    static List<String> caseIdsIn(Object body) {
        if (body instanceof ShowsCases shown) {
            return shown.caseIds();
        }
        if (body instanceof CaseView view) {
            return List.of(view.caseId());
        }
        if (body instanceof CaseViews.CasePage page) {
            return page.cases().stream().map(CaseView::caseId).toList();
        }
        if (body instanceof Collection<?> items) {
            return items.stream().map(ReadLogging::caseIdOf).toList();
        }
        throw new IllegalStateException("A logged case read answered " + (body == null ? "nothing" : body.getClass())
                + "; teach ReadLogging which cases it shows");
    }

    private static String caseIdOf(Object item) {
        if (item instanceof CaseView view) {
            return view.caseId();
        }
        if (item instanceof WorklistItem worklist) {
            return worklist.caseId();
        }
        if (item instanceof ProposalItem proposal) {
            return proposal.caseId();
        }
        throw new IllegalStateException("A logged case read listed a " + item.getClass());
    }
}
