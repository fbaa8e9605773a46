package fr.territoire.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DefinitionFolderTests {

	@TempDir
	Path project;

	record Spec(String description) {
	}

	@Test
	void readsYamlAndYmlAlikeSortedByName() throws IOException {
		write("things/b.yml", "description: second");
		write("things/a.yaml", "description: first");
		List<Problem> problems = new ArrayList<>();
		List<Definition<Spec>> read = DefinitionFolder.read(this.project, this.project.resolve("things"), Spec.class,
				DefinitionFolder.Kind.YAML, List.of(), problems::add);
		assertThat(problems).isEmpty();
		assertThat(read)
			.extracting(Definition::name, Definition::shownAs, (definition) -> definition.spec().description())
			.containsExactly(tuple("a", "things/a.yaml", "first"), tuple("b", "things/b.yml", "second"));
	}

	@Test
	void reportsEveryFileItDoesNotRead() throws IOException {
		write("things/a.yaml", "description: read");
		write("things/notes.txt", "a note");
		write("things/old.sql", "SELECT 1");
		write("things/sub/c.yaml", "description: below");
		write("things/README.md", "# ignored: documentation of the folder");
		write("things/.hidden", "ignored");
		List<Problem> problems = new ArrayList<>();
		List<Definition<Spec>> read = DefinitionFolder.read(this.project, this.project.resolve("things"), Spec.class,
				DefinitionFolder.Kind.YAML, List.of(), problems::add);
		assertThat(read).extracting(Definition::name).containsExactly("a");
		assertThat(problems).extracting(Problem::file, Problem::severity)
			.containsExactly(tuple("things/notes.txt", Problem.Severity.WARNING),
					tuple("things/old.sql", Problem.Severity.WARNING), tuple("things/sub", Problem.Severity.WARNING));
		assertThat(problems.get(0).message()).isEqualTo("is not read: things holds .yaml or .yml files");
	}

	@Test
	void pairsEachSqlWithItsYamlAndRefusesEitherAlone() throws IOException {
		write("models/kept.sql", "SELECT 1 AS one;\n");
		write("models/kept.yml", "description: one row");
		write("models/orphan.sql", "SELECT 2");
		write("models/lonely.yaml", "description: no SQL");
		List<Problem> problems = new ArrayList<>();
		List<Definition<Spec>> read = DefinitionFolder.read(this.project, this.project.resolve("models"), Spec.class,
				DefinitionFolder.Kind.YAML_AND_SQL, List.of(), problems::add);
		assertThat(read).extracting(Definition::name, Definition::sql)
			.containsExactly(tuple("kept", "SELECT 1 AS one"));
		assertThat(problems).extracting(Problem::file, Problem::message, Problem::severity)
			.containsExactly(tuple("models/lonely.yaml", "has no SQL beside it", Problem.Severity.ERROR),
					tuple("models/orphan.sql", "has no YAML beside it", Problem.Severity.ERROR));
	}

	@Test
	void refusesTheSameDefinitionInYamlAndYml() throws IOException {
		write("things/a.yaml", "description: one");
		write("things/a.yml", "description: two");
		List<Problem> problems = new ArrayList<>();
		DefinitionFolder.read(this.project, this.project.resolve("things"), Spec.class, DefinitionFolder.Kind.YAML,
				List.of(), problems::add);
		assertThat(problems).extracting(Problem::file, Problem::message)
			.containsExactly(tuple("things/a.yml", "the same definition is also in things/a.yaml"));
		assertThat(problems.get(0).isError()).isTrue();
	}

	private void write(String relative, String text) throws IOException {
		Path file = this.project.resolve(relative);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
	}

}
