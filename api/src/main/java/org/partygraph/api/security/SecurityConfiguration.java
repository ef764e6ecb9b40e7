package org.partygraph.api.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.HeaderWriterFilter;

/**
 * Nothing is open by default: GraphQL, GraphiQL and every page need a login; only the health
 * probe answers anonymously (without details). Users come from configuration with hashed
 * passwords (HTTP Basic, unless {@code party-graph.security.http-basic=false}), each with a role and
 * an org scope; the built-in {@code admin} sees everything. When a JWT setting is given
 * ({@code spring.security.oauth2.resourceserver.jwt.*}), Bearer tokens log in too, their role and
 * scope read from claims ({@link JwtUsers}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
@EnableConfigurationProperties({ UserProperties.class, JwtProperties.class })
public class SecurityConfiguration {

	private static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
			ObjectProvider<JwtDecoder> jwtDecoder, JwtProperties jwt,
			@Value("${party-graph.security.http-basic:true}") boolean httpBasic,
			@Value("${spring.graphql.graphiql.path:/graphiql}") String graphiqlPath) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
			.permitAll()
			.anyRequest()
			// Every user has one of the roles; a token without a known role claim has none and is refused.
			.hasAnyRole(Arrays.stream(AccessRole.values()).map(Enum::name).toArray(String[]::new)))
			.authenticationManager(authenticationManager)
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(SecurityConfiguration::accessDenied))
			// GraphQL POSTs carry JSON, which a cross-site form cannot send without a CORS preflight.
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/graphql").ignoringRequestMatchers(SecurityConfiguration::rosterUpload))
			// Spring Security's default headers (nosniff, X-Frame-Options DENY, no caching...) and a
			// Content-Security-Policy on every response.
			.headers((headers) -> headers.addHeaderWriter(contentSecurityPolicy(graphiqlPath)));
		if (httpBasic) {
			http.httpBasic(Customizer.withDefaults());
		}
		JwtDecoder decoder = jwtDecoder.getIfAvailable();
		// A 401 says in a short JSON body that the login failed or is missing; the challenges stay.
		http.addFilterBefore(new UnauthorizedBody(httpBasic, decoder != null), HeaderWriterFilter.class);
		if (decoder != null) {
			// Its own manager: the one above knows user names and passwords only.
			JwtAuthenticationProvider tokens = new JwtAuthenticationProvider(decoder);
			tokens.setJwtAuthenticationConverter(new JwtUsers(jwt));
			http.oauth2ResourceServer((resourceServer) -> resourceServer
				.accessDeniedHandler(SecurityConfiguration::accessDenied)
				.jwt((configurer) -> configurer.authenticationManager(new ProviderManager(tokens))));
		}
		else if (!httpBasic) {
			throw new IllegalStateException("party-graph.security.http-basic is false and no JWT setting "
					+ "(spring.security.oauth2.resourceserver.jwt.issuer-uri, jwk-set-uri or public-key-location) "
					+ "is given: nobody could log in");
		}
		return http.build();
	}

	/**
	 * {@code POST /import/roster} from a client that is no browser (curl, scripts: no
	 * {@code Sec-Fetch-Site}, no {@code Origin}) or from a page of this service ({@code same-origin}).
	 * A form another site posts is {@code cross-site} and keeps the CSRF check (and fails it).
	 */
	static boolean rosterUpload(jakarta.servlet.http.HttpServletRequest request) {
		if (!"/import/roster".equals(request.getServletPath())) {
			return false;
		}
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null) {
			return "same-origin".equals(site);
		}
		return request.getHeader("Origin") == null;
	}

	/**
	 * The Content-Security-Policy of every page and answer: only the service's own scripts, styles,
	 * images and connections; no plugins, no {@code <base>} elsewhere, no framing, forms posting
	 * only here. The org chart (static files under {@code chart/}, Cytoscape from its WebJar) needs
	 * nothing more: Cytoscape styles elements through the CSSOM, which style-src does not govern,
	 * and draws a dissolved org's cross from a {@code data:} SVG image. The PNG and SVG exports are
	 * {@code blob:} URLs, which may be read back (as the browser tests do): a blob is made by a
	 * script already running here, so reading it sends nothing anywhere.
	 */
	public static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data: blob:; font-src 'self'; connect-src 'self' blob:; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/**
	 * The policy of a scenario's report page ({@code /scenarios/NAME/report.html}): as
	 * {@link #POLICY}, but the page carries its style and its Chart.js call inline, so inline
	 * scripts and styles are allowed there. Its data is escaped for a script element
	 * ({@code ReportPage.jsonString}); moving both to files would let it have the strict policy.
	 */
	public static final String REPORT_POLICY = POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
		.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

	/**
	 * The policy of GraphiQL ({@code /graphiql}, the jar's own page, off in the {@code prod}
	 * profile): as {@link #POLICY}, everything from this service (React, GraphiQL and its CodeMirror
	 * editor are bundled into the jar), no eval. Two additions: {@code data:} fonts and images,
	 * which GraphiQL's CSS carries inline; and {@code style-src 'unsafe-inline'}, because its dialogs
	 * (settings, shortcuts) lock scrolling with a style element they insert. Still no inline or foreign
	 * script, no plugins, no framing, no foreign {@code <base>}.
	 */
	public static final String GRAPHIQL_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
			+ "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/** Sets the policy that fits the request's path, unless the answer set one itself. */
	private static HeaderWriter contentSecurityPolicy(String graphiqlPath) {
		return (request, response) -> {
			if (response.containsHeader(CONTENT_SECURITY_POLICY)) {
				return;
			}
			String path = request.getRequestURI().substring(request.getContextPath().length());
			String policy = POLICY;
			if (path.equals(graphiqlPath) || path.startsWith(graphiqlPath + "/")) {
				policy = GRAPHIQL_POLICY;
			}
			else if (path.startsWith("/scenarios/") && path.endsWith("/report.html")) {
				policy = REPORT_POLICY;
			}
			response.setHeader(CONTENT_SECURITY_POLICY, policy);
		};
	}

	/**
	 * 403, with the same kind of short GraphQL-style body as a 401 ({@link UnauthorizedBody#forbidden}):
	 * why, when a token's role or scope claim is wrong or a form lacks its CSRF token.
	 */
	private static void accessDenied(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException denied) throws IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String refusal = (authentication instanceof JwtUsers.JwtAuthentication token) ? token.refusal() : null;
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(UnauthorizedBody.forbidden(refusal, denied instanceof CsrfException));
	}

	/**
	 * Spring Security's observations follow {@code management.observations.enable.spring.security}:
	 * when it is off (the default) the filters are not wrapped at all; Boot's switch alone still
	 * leaves a no-op observation around each filter of each request.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings(
			@Value("${management.observations.enable.spring.security:true}") boolean observe) {
		return observe ? SecurityObservationSettings.withDefaults().build() : SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService users(AdminPassword adminPassword, UserProperties properties, PasswordEncoder encoder) {
		Map<String, UserDetails> users = new HashMap<>();
		users.put("admin", user("admin", encoder.encode(adminPassword.value()), AccessRole.ADMIN, null));
		for (UserProperties.User configured : properties.users()) {
			if (configured.name() == null || configured.password() == null || configured.role() == null) {
				throw new IllegalStateException("party-graph.security.users: each user needs name, password and role");
			}
			if (!configured.password().startsWith("{")) {
				throw new IllegalStateException("party-graph.security.users[" + configured.name()
						+ "].password must be hashed with its encoder id, e.g. {bcrypt}$2a$10$...");
			}
			users.put(configured.name(),
					user(configured.name(), configured.password(), configured.role(), configured.scope()));
		}
		return (name) -> {
			UserDetails found = users.get(name);
			if (found == null) {
				throw new UsernameNotFoundException("no such user");
			}
			// A fresh copy each time: Spring erases credentials of what it is given.
			ScopedUser user = (ScopedUser) found;
			return user(user.getUsername(), user.getPassword(), user.role(), user.scope());
		};
	}

	@Bean
	AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder encoder) {
		DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
		dao.setPasswordEncoder(encoder);
		return new ProviderManager(new CachingAuthenticationProvider(dao, Duration.ofMinutes(5)));
	}

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.fromHierarchy(AccessRole.hierarchy());
	}

	private static ScopedUser user(String name, String password, AccessRole role, String scope) {
		List<SimpleGrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
		return new ScopedUser(name, password, role, scope, authorities);
	}

}
