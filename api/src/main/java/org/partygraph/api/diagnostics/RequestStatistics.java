package org.partygraph.api.diagnostics;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;

/**
 * Database round trips and database time of one HTTP request. Held in a thread-local that
 * Spring for GraphQL carries to wherever data fetchers run (registered with Micrometer's context
 * propagation), so the query classes can report to it without knowing about requests.
 */
public final class RequestStatistics {

	static final String KEY = "party-graph.request-statistics";

	private static final ThreadLocal<RequestStatistics> CURRENT = new ThreadLocal<>();

	static {
		ContextRegistry.getInstance().registerThreadLocalAccessor(new ThreadLocalAccessor<RequestStatistics>() {

			@Override
			public Object key() {
				return KEY;
			}

			@Override
			public RequestStatistics getValue() {
				return CURRENT.get();
			}

			@Override
			public void setValue(RequestStatistics value) {
				CURRENT.set(value);
			}

			@Override
			public void setValue() {
				CURRENT.remove();
			}

		});
	}

	private final AtomicInteger statements = new AtomicInteger();

	private final AtomicLong nanos = new AtomicLong();

	private final long started = System.nanoTime();

	static RequestStatistics start() {
		RequestStatistics statistics = new RequestStatistics();
		CURRENT.set(statistics);
		return statistics;
	}

	static RequestStatistics current() {
		return CURRENT.get();
	}

	static void end() {
		CURRENT.remove();
	}

	void record(long statementNanos) {
		this.statements.incrementAndGet();
		this.nanos.addAndGet(statementNanos);
	}

	public int statements() {
		return this.statements.get();
	}

	public double databaseMillis() {
		return this.nanos.get() / 1e6;
	}

	public double elapsedMillis() {
		return (System.nanoTime() - this.started) / 1e6;
	}

}
