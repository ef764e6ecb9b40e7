package org.partygraph.api.roster;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.partygraph.api.text.RequestLang;
import org.partygraph.api.text.SpringMessages;
import org.partygraph.queries.text.Text;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the multipart limit (set to {@code party-graph.roster.max-bytes}) is refused by the
 * servlet container before any controller runs; this answers it as {@code POST /import/roster}
 * answers a file over the cap: 413 with the roster's JSON, naming the setting.
 */
@ControllerAdvice
public class RosterUploadLimit {

	private final SpringMessages messages;

	public RosterUploadLimit(SpringMessages messages) {
		this.messages = messages;
	}

	/** The refusal, in the request's language. */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	public ResponseEntity<RosterPayload> tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body(RosterPayload.refused(false, List.of(), List.of(new RosterPayload.Error(null, "file", null,
					this.messages.say(Text.of("roster.file.overUploadLimit", ex.getMaxUploadSize()),
							RequestLang.of(request))))));
	}

}
