package org.partygraph.api;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** What makes a start print lines that are not about the service. */
class CleanStartIT extends ServiceTestBase {

	@Autowired
	private ApplicationContext context;

	@Test
	void nothingLooksForABeanValidationProvider() {
		// With the Bean Validation API on the class path and no provider, Spring MVC made a validator
		// at every start and logged "Failed to set up a Bean Validation provider". Nothing validates
		// with it; the API came with Neo4j's Jersey (excluded in embedded-neo4j/pom.xml).
		assertThat(ClassUtils.isPresent("jakarta.validation.Validator", getClass().getClassLoader())).isFalse();
		Object mvcValidator = this.context.getBean("mvcValidator");
		assertThat(mvcValidator.getClass().getName()).doesNotContain("ValidatorAdapter")
			.doesNotContain("ValidatorFactoryBean");
	}

}
