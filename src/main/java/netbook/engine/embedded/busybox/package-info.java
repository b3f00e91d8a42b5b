/**
 * The emulated busybox applets run by exec and as containers' main commands ({@code sh -c}, {@code
 * ping}, {@code ip}, {@code ifconfig}, {@code hostname}, {@code nslookup}, {@code cat}, {@code
 * wget}, ...), with busybox's own output.
 */
package netbook.engine.embedded.busybox;
