/**
 * The {@code redline} command line (picocli), an adapter over the domain packages: one
 * {@code *Command} class per subcommand under {@link dev.redline.cli.Redline}, plus the CLI's own
 * helpers (progress, terminal and log sanitising: {@link dev.redline.cli.Printable},
 * {@link dev.redline.cli.SafeLogConverters}; file readers with size caps). A user error is a
 * {@link dev.redline.cli.BadInput}: one line on stderr, exit 2. See docs/architecture.md.
 *
 * <p>Null contract: parameters and return values are non-null unless their Javadoc says "or null"
 * (Redline uses no {@code @Nullable} annotation; the Javadoc is the contract). Collections are never
 * null, empty when there is nothing.
 */
package dev.redline.cli;

import dev.redline.error.BadInput;
