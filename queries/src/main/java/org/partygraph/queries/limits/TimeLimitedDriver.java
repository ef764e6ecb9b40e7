package org.partygraph.queries.limits;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Arrays;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.partygraph.queries.read.DatabaseUnavailableException;

/**
 * A view of the driver whose sessions give every transaction (managed, explicit or auto-commit) a
 * timeout through its {@link TransactionConfig}: the database timeout, or what is left of the
 * current {@link TimeBudget} when that is less. A config that sets its own timeout keeps it. What
 * the database then reports turns into exceptions callers can answer clearly:
 * {@link DatabaseTimeoutException}, {@link TimeBudgetExceededException} when the budget was the
 * tighter limit, and {@link DatabaseUnavailableException} when the database cannot be reached.
 * <p>
 * The query classes get this view; imports and schema migrations get the plain driver (a large
 * import may take minutes and is one transaction on purpose).
 */
public final class TimeLimitedDriver {

	/** The property that sets the database timeout. */
	public static final String PROPERTY = "party-graph.limits.database-timeout";

	/** The database timeout when none is configured. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	private TimeLimitedDriver() {
	}

	/** The driver, its sessions' transactions limited to {@code timeout}. */
	public static Driver of(Driver driver, Duration timeout) {
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException(PROPERTY + " must be positive, was " + timeout);
		}
		return (Driver) Proxy.newProxyInstance(TimeLimitedDriver.class.getClassLoader(), new Class<?>[] { Driver.class },
				new DriverHandler(driver, timeout));
	}

	private record DriverHandler(Driver driver, Duration timeout) implements InvocationHandler {

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			if (method.getDeclaringClass() == Object.class) {
				return objectMethod(proxy, method, args, this.driver);
			}
			Object result = call(method, this.driver, args);
			if ("session".equals(method.getName()) && result instanceof Session session) {
				return Proxy.newProxyInstance(TimeLimitedDriver.class.getClassLoader(), new Class<?>[] { Session.class },
						new SessionHandler(session, this.timeout));
			}
			return result;
		}

	}

	private record SessionHandler(Session session, Duration timeout) implements InvocationHandler {

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			if (method.getDeclaringClass() == Object.class) {
				return objectMethod(proxy, method, args, this.session);
			}
			Class<?>[] types = method.getParameterTypes();
			boolean configurable = switch (method.getName()) {
				case "executeRead", "executeWrite", "executeWriteWithoutResult", "beginTransaction", "run" -> true;
				default -> false;
			};
			if (!configurable) {
				return call(method, this.session, args);
			}
			Object[] given = (args != null) ? args : new Object[0];
			Method target = method;
			Object[] targetArgs = given;
			if (types.length > 0 && types[types.length - 1] == TransactionConfig.class) {
				targetArgs = given.clone();
				targetArgs[types.length - 1] = limited((TransactionConfig) given[types.length - 1]);
			}
			else {
				Class<?>[] withConfig = Arrays.copyOf(types, types.length + 1);
				withConfig[types.length] = TransactionConfig.class;
				try {
					target = Session.class.getMethod(method.getName(), withConfig);
				}
				catch (NoSuchMethodException ex) {
					// run(String, Value) and run(String, Record) have no overload with a config.
					return call(method, this.session, args);
				}
				targetArgs = Arrays.copyOf(given, given.length + 1);
				targetArgs[given.length] = limited(null);
			}
			TimeBudget budget = TimeBudget.current();
			Duration applied = ((TransactionConfig) targetArgs[targetArgs.length - 1]).timeout();
			long started = System.nanoTime();
			try {
				return call(target, this.session, targetArgs);
			}
			catch (Neo4jException ex) {
				if (isTimeout(ex) || (isTermination(ex) && System.nanoTime() - started >= applied.toNanos())) {
					if (budget != null && budget.remainingNanos() <= 0) {
						throw new TimeBudgetExceededException(budget, "waiting for the database");
					}
					throw new DatabaseTimeoutException(applied, ex);
				}
				throw ex;
			}
		}

		private TransactionConfig limited(TransactionConfig given) {
			if (given != null && given.timeout() != null) {
				return given;
			}
			Duration limit = this.timeout;
			TimeBudget budget = TimeBudget.current();
			if (budget != null) {
				TimeBudget.checkpoint("waiting for the database");
				Duration left = Duration.ofNanos(budget.remainingNanos());
				if (left.compareTo(limit) < 0) {
					// At least a millisecond: the driver rounds to milliseconds and refuses zero.
					limit = (left.toMillis() < 1) ? Duration.ofMillis(1) : left;
				}
			}
			TransactionConfig.Builder builder = TransactionConfig.builder().withTimeout(limit);
			if (given != null && !given.metadata().isEmpty()) {
				builder.withMetadata(new java.util.HashMap<>(given.metadata()));
			}
			return builder.build();
		}

	}

	/** The codes Neo4j gives a transaction stopped by its timeout (5.x; 4.x used a transient code). */
	static boolean isTimeout(Neo4jException ex) {
		String code = ex.code();
		return code != null && code.contains("TransactionTimedOut");
	}

	/**
	 * A transaction terminated while waiting for a lock reports termination, not the timeout; after
	 * it ran for its whole timeout, that was the reason.
	 */
	static boolean isTermination(Neo4jException ex) {
		String code = ex.code();
		return code != null && (code.contains("Terminated") || code.contains("LockClientStopped"));
	}

	private static Object call(Method method, Object target, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof ServiceUnavailableException || cause instanceof SessionExpiredException) {
				throw new DatabaseUnavailableException(cause);
			}
			throw cause;
		}
	}

	private static Object objectMethod(Object proxy, Method method, Object[] args, Object target) throws Throwable {
		return switch (method.getName()) {
			case "equals" -> proxy == args[0];
			case "hashCode" -> System.identityHashCode(proxy);
			case "toString" -> "TimeLimited[" + target + "]";
			default -> call(method, target, args);
		};
	}

}
