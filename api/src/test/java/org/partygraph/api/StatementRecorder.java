package org.partygraph.api;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Query;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps the service's {@link Driver} so a test sees every statement the service sends, whatever
 * class sends it, with its parameters and the kind of transaction it ran in. Records only between
 * {@link #start()} and {@link #stop()}; otherwise passes everything straight through.
 */
public class StatementRecorder implements BeanPostProcessor {

	/** How a statement was sent. */
	public enum Mode {

		/** In {@code executeRead}: a read transaction, routed to a secondary in a cluster. */
		READ,
		/** In {@code executeWrite}. */
		WRITE,
		/** {@code session.run} (auto-commit) or {@code beginTransaction}: the session's mode, WRITE by default. */
		SESSION

	}

	public record Statement(Query query, Mode mode) {

		public String text() {
			return this.query.text();
		}

		public Map<String, Object> parameters() {
			return this.query.parameters().asMap();
		}

	}

	private final List<Statement> statements = new ArrayList<>();

	private volatile boolean recording;

	public synchronized void start() {
		this.statements.clear();
		this.recording = true;
	}

	public synchronized List<Statement> stop() {
		this.recording = false;
		return List.copyOf(this.statements);
	}

	private synchronized void record(Query query, Mode mode) {
		if (this.recording) {
			this.statements.add(new Statement(query, mode));
		}
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		return (bean instanceof Driver driver) ? wrap(driver) : bean;
	}

	Driver wrap(Driver driver) {
		return proxy(Driver.class, driver, (method, args) -> {
			Object result = call(driver, method, args);
			return (result instanceof Session session) ? session(session) : result;
		});
	}

	private Session session(Session session) {
		return proxy(Session.class, session, (method, args) -> {
			String name = method.getName();
			if (name.startsWith("executeRead") || name.startsWith("executeWrite")) {
				Mode mode = name.startsWith("executeRead") ? Mode.READ : Mode.WRITE;
				Object[] wrapped = args.clone();
				wrapped[0] = callback(args[0], mode);
				return call(session, method, wrapped);
			}
			if (name.equals("run")) {
				record(query(args), Mode.SESSION);
			}
			Object result = call(session, method, args);
			return (result instanceof Transaction tx) ? transaction(Transaction.class, tx, Mode.SESSION) : result;
		});
	}

	@SuppressWarnings("unchecked")
	private Object callback(Object callback, Mode mode) {
		if (callback instanceof TransactionCallback<?> work) {
			return (TransactionCallback<Object>) (tx) -> work.execute(transaction(TransactionContext.class, tx, mode));
		}
		if (callback instanceof Consumer<?> work) {
			return (Consumer<TransactionContext>) (tx) -> ((Consumer<TransactionContext>) work)
				.accept(transaction(TransactionContext.class, tx, mode));
		}
		return callback;
	}

	private <T> T transaction(Class<T> type, T tx, Mode mode) {
		return proxy(type, tx, (method, args) -> {
			if (method.getName().equals("run")) {
				record(query(args), mode);
			}
			return call(tx, method, args);
		});
	}

	@SuppressWarnings("unchecked")
	private static Query query(Object[] args) {
		if (args[0] instanceof Query query) {
			return query;
		}
		String text = (String) args[0];
		Object parameters = (args.length > 1) ? args[1] : null;
		if (parameters instanceof Map<?, ?> map) {
			return new Query(text, (Map<String, Object>) map);
		}
		if (parameters instanceof Value value) {
			return new Query(text, value);
		}
		if (parameters instanceof Record record) {
			return new Query(text, record.asMap());
		}
		return new Query(text);
	}

	private interface Handler {

		Object handle(Method method, Object[] args) throws Throwable;

	}

	private static <T> T proxy(Class<T> type, T target, Handler handler) {
		InvocationHandler invocation = (proxy, method, args) -> {
			if (method.getDeclaringClass() == Object.class) {
				return method.invoke(target, args);
			}
			return handler.handle(method, (args != null) ? args : new Object[0]);
		};
		return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, invocation));
	}

	private static Object call(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
