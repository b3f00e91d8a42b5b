/**
 * The small HTTP/1.1 server {@code netbook serve} answers the docker CLI with: one thread per
 * connection, keep-alive, Content-Length and chunked bodies, read timeouts and a body cap, loopback
 * Host and no Origin, and the connection upgrade ({@code 101 UPGRADED}) Docker's exec and attach
 * hijack the connection with.
 */
package netbook.engine.embedded.http;
