/** The line-protocol core: bounded line reader and writer, replies, dot-stuffed bodies, header blocks, STARTTLS and transcripts. */
package io.inetkit.text;
