package org.partygraph.api.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** What the user of the current request may see, beyond method security on whole fields. */
public final class CurrentUser {

	private CurrentUser() {
	}

	/** Whether the user's role shows members (ANALYST and above): names, ids and roles of people. */
	public static boolean canSeeMembers() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof ScopedUser user
				&& user.role().includes(AccessRole.ANALYST);
	}

	/**
	 * Whether the user's role reads personal data (ORG_ADMIN and above): the rule of the fields
	 * {@code Member.idNumber}, {@code phone} and {@code birthDate} ({@code MemberController}), for
	 * what is served outside GraphQL (the roster spreadsheet).
	 */
	public static boolean canSeePersonalData() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof ScopedUser user
				&& user.role().includes(AccessRole.ORG_ADMIN);
	}

}
