package org.partygraph.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import org.partygraph.api.graphql.ChangeController.ChangeError;
import org.partygraph.api.text.RequestLang;
import org.partygraph.api.text.SpringMessages;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * A refused change's problems in the request's language: a {@link ChangeError} whose message is a
 * text of the bundles is said in it; others keep their English message. Item and field never change.
 */
@Controller
class ChangeErrorMessages {

	private final SpringMessages messages;

	ChangeErrorMessages(SpringMessages messages) {
		this.messages = messages;
	}

	@SchemaMapping(typeName = "ChangeError")
	public String message(ChangeError error, DataFetchingEnvironment env) {
		return (error.text() != null) ? this.messages.say(error.text(), RequestLang.of(env)) : error.message();
	}

}
