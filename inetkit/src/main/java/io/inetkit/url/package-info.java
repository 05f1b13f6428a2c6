/**
 * One opener for every URL scheme, like Python's {@code urllib.request.urlopen}: give it a URI,
 * get a stream and what is known about it.
 *
 * <pre>{@code
 * try (OpenedUrl page = UrlOpener.defaults().open(URI.create("https://example.org/"))) {
 *     System.out.println(page.contentType() + ", final URL " + page.uri());
 *     page.body().transferTo(System.out);
 * }
 * }</pre>
 *
 * <p>{@code http}, {@code https} and {@code file} are built in. Other schemes (ftp, gopher, the
 * mail and news schemes) plug in as {@link io.inetkit.url.SchemeHandler}s given to
 * {@link io.inetkit.url.UrlOpener.Builder#handler}.
 */
package io.inetkit.url;
