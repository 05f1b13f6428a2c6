/** SASL client mechanisms shared by SMTP, POP3, IMAP and NNTP. */
package io.inetkit.sasl;
