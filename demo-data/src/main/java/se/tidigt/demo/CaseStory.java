package se.tidigt.demo;

import java.util.List;

/** One synthetic case: its id and the commands that write its history, in the order they happened. */
record CaseStory(String caseId, String workModel, List<Object> commands) {
}
