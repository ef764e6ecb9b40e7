package org.partygraph.api.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Nothing is open by default: GraphQL, GraphiQL and every page need a login; only the health
 * probe answers anonymously (without details). Users come from configuration with hashed
 * passwords, each with a role and an org scope; the built-in {@code admin} sees everything.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
@EnableConfigurationProperties(UserProperties.class)
public class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager)
			throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
			.permitAll()
			.anyRequest()
			.authenticated())
			.authenticationManager(authenticationManager)
			.httpBasic(Customizer.withDefaults())
			// GraphQL POSTs carry JSON, which a cross-site form cannot send without a CORS preflight.
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/graphql"));
		return http.build();
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
