package org.partygraph.api.startup;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Spring Boot's report of a start-up failure with a cause {@link StartupFailure} knows: its
 * "APPLICATION FAILED TO START" block with the root cause and what to do, and no stack trace
 * (Boot logs that at DEBUG: {@code --debug} shows it). Other failures are left to Boot's own
 * analyzers or its stack trace. Registered in {@code META-INF/spring.factories}.
 */
public class StartupFailureAnalyzer implements FailureAnalyzer {

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		StartupFailure.Explanation explanation = StartupFailure.explain(failure);
		if (!explanation.known()) {
			return null;
		}
		return new FailureAnalysis(explanation.cause() + ".", explanation.action() + ".", failure);
	}

}
