package fr.territoire.query.shell;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import fr.territoire.config.TerritoireProperties;
import fr.territoire.query.QuerySession;
import fr.territoire.query.WarehouseQuerySession;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CompletionTests {

	@TempDir
	static Path folder;

	static Path warehouse;

	@BeforeAll
	static void buildWarehouse() throws SQLException {
		warehouse = ShellTests.buildWarehouse(folder);
	}

	@Test
	void completesASchemaWithItsDot() throws IOException {
		assertThat(complete("SELECT * FROM pu")).containsExactly("public.");
	}

	@Test
	void completesTheTablesOfASchema() throws IOException {
		assertThat(complete("SELECT * FROM mart.")).containsExactly("mart.commune_measure", "mart.indicator");
	}

	@Test
	void completesTheColumnsOfTheTablesTheLineNames() throws IOException {
		assertThat(complete("SELECT commune_code,po", "SELECT commune_code,po FROM mart.commune_measure"))
			.containsExactly("commune_code,population");
	}

	@Test
	void completesDotCommandsAtTheStartOfALine() throws IOException {
		assertThat(complete(".s")).containsExactly(".schema");
		assertThat(complete(".")).containsExactlyElementsOf(DotCommands.NAMES);
	}

	private static List<String> complete(String line) throws IOException {
		return complete(line, line);
	}

	/**
	 * The candidates with the cursor at the end of {@code typed}, in a line that may go
	 * on.
	 */
	private static List<String> complete(String typed, String line) throws IOException {
		try (Terminal terminal = new DumbTerminal("test", Terminal.TYPE_DUMB, new ByteArrayInputStream(new byte[0]),
				new ByteArrayOutputStream(), StandardCharsets.UTF_8);
				QuerySession session = WarehouseQuerySession.open(warehouse,
						warehouse.toAbsolutePath().getParent().resolve("tmp"), TerritoireProperties.Query.defaults(),
						fr.territoire.query.Layers.published())) {
			LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
			List<Candidate> candidates = new ArrayList<>();
			new Completion(session).complete(reader,
					new DefaultParser().parse(line, typed.length(), Parser.ParseContext.COMPLETE), candidates);
			return candidates.stream().map(Candidate::value).toList();
		}
	}

}
