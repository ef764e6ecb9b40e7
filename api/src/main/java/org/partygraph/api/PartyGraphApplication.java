package org.partygraph.api;

import org.partygraph.api.cli.Cli;
import org.partygraph.api.startup.StartupFailure;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The party-graph service. With no arguments (or only {@code --name=value} options) it serves
 * GraphQL over HTTP; {@code import FILE} and {@code export FILE} run once and exit.
 */
@SpringBootApplication
public class PartyGraphApplication {

	public static void main(String[] args) {
		if (Cli.isCommand(args)) {
			System.exit(Cli.run(args));
		}
		try {
			SpringApplication.run(PartyGraphApplication.class, args);
		}
		catch (RuntimeException | Error ex) {
			// Boot has logged the failure (a known cause without its stack trace, StartupFailureAnalyzer);
			// the last line says in a sentence what went wrong and what to do.
			System.err.println(StartupFailure.line(ex));
			System.exit(1);
		}
	}

}
