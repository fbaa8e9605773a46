/**
 * The interactive shell of {@code territoire sql}: line editing and history
 * ({@link fr.territoire.query.shell.StatementReader}), dot commands
 * ({@link fr.territoire.query.shell.DotCommands}), completion
 * ({@link fr.territoire.query.shell.Completion}) and a pager, talking to the warehouse
 * only through {@link fr.territoire.query.QuerySession}.
 */
@NullMarked
package fr.territoire.query.shell;

import org.jspecify.annotations.NullMarked;
