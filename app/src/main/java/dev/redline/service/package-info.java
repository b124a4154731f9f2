/**
 * The application layer: what sits between the adapters (CLI commands, the web server,
 * the WebSub subscriber in {@code push}, batch entries to come) and the domain packages. {@link dev.redline.service.Services}
 * opens and wires every part from the configuration ({@link dev.redline.service.AppConfig});
 * {@link dev.redline.service.PageReader} is the one path from a URL a user names to its article.
 * Recording versions and discovering articles live one layer down, in {@code dev.redline.ingest},
 * so the tracker can use them without depending on this package.
 *
 * <p>Null contract: arguments and results are non-null unless documented. Errors the user caused
 * are {@link dev.redline.error.UserError}s; anything else is a bug.
 */
package dev.redline.service;
