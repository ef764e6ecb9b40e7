package org.partygraph.api.security;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every 401 of the security chain a short GraphQL-style JSON body saying that the login
 * failed or is missing, where Spring Security sends none. Status and {@code WWW-Authenticate}
 * challenges stay what the entry points (HTTP Basic, Bearer) set: the filter only turns their
 * {@code sendError(401)} into a plain status, so the servlet container's error page is not used,
 * and writes the body when nothing else did. The message is the same whether or not the user
 * exists.
 */
final class UnauthorizedBody extends OncePerRequestFilter {

	private final String failed;

	private final String missing;

	private final String otherScheme;

	private final boolean httpBasic;

	private final boolean bearer;

	/**
	 * @param httpBasic whether user names and passwords log in
	 * @param bearer whether Bearer tokens log in
	 */
	UnauthorizedBody(boolean httpBasic, boolean bearer) {
		String password = "wrong user name or password (HTTP Basic)";
		String token = "an invalid or expired token (Bearer)";
		this.failed = body("login failed: " + ((httpBasic && bearer) ? password + " or " + token
				: httpBasic ? password : token));
		this.missing = body("login required: send " + ((httpBasic && bearer)
				? "a user name and password (HTTP Basic) or a token (Bearer)"
				: httpBasic ? "a user name and password (HTTP Basic)" : "a token (Bearer)"));
		this.otherScheme = body("login failed: only " + ((httpBasic && bearer)
				? "HTTP Basic and Bearer tokens log" : httpBasic ? "HTTP Basic logs" : "Bearer tokens log") + " in here");
		this.httpBasic = httpBasic;
		this.bearer = bearer;
	}

	/** The body for a request with this {@code Authorization} header (or none). */
	String bodyFor(String authorization) {
		if (authorization == null || authorization.isBlank()) {
			return this.missing;
		}
		String scheme = authorization.strip().split("\\s+", 2)[0];
		if ((this.httpBasic && scheme.equalsIgnoreCase("Basic")) || (this.bearer && scheme.equalsIgnoreCase("Bearer"))) {
			return this.failed;
		}
		return this.otherScheme;
	}

	private static String body(String message) {
		return body(message, "UNAUTHORIZED");
	}

	/**
	 * The body of a 403 (logged in, but not allowed), the same shape as a 401's, classified
	 * {@code FORBIDDEN}: a token's refusal (which claim is missing or unknown) when there is one,
	 * else what was refused.
	 *
	 * @param refusal why the login may do nothing, or null
	 * @param csrf whether a request without its CSRF token was refused
	 */
	static String forbidden(String refusal, boolean csrf) {
		String message = (refusal != null) ? "forbidden: " + refusal
				: csrf ? "forbidden: a form sent here needs its CSRF token (GraphQL POSTs to /graphql do not)"
						: "forbidden: this login may not do this";
		return body(message, "FORBIDDEN");
	}

	private static String body(String message, String classification) {
		// Messages may quote a token's claim: escaped as JSON strings are.
		StringBuilder quoted = new StringBuilder();
		for (char c : message.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				default -> {
					if (c < 0x20 || c == '<' || c == '>' || c == '&') {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return "{\"errors\":[{\"message\":\"" + quoted + "\",\"extensions\":{\"classification\":\"" + classification
				+ "\"}}]}";
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Watch watch = new Watch(response);
		chain.doFilter(request, watch);
		if (watch.unauthorized && !watch.bodyStarted && !response.isCommitted()) {
			response.setContentType("application/json");
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write(bodyFor(request.getHeader(HttpHeaders.AUTHORIZATION)));
			response.flushBuffer();
		}
	}

	/** Notes a 401 (sent as an error or set as a status) and whether anyone wrote a body. */
	private static final class Watch extends HttpServletResponseWrapper {

		private boolean unauthorized;

		private boolean bodyStarted;

		Watch(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void sendError(int status) throws IOException {
			sendError(status, null);
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			if (status == SC_UNAUTHORIZED) {
				this.unauthorized = true;
				setStatus(status);
			}
			else if (message != null) {
				super.sendError(status, message);
			}
			else {
				super.sendError(status);
			}
		}

		@Override
		public void setStatus(int status) {
			this.unauthorized = (status == SC_UNAUTHORIZED);
			super.setStatus(status);
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			this.bodyStarted = true;
			return super.getWriter();
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			this.bodyStarted = true;
			return super.getOutputStream();
		}

	}

}
