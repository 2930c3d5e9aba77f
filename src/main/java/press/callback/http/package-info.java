/**
 * The project's own small HTTP/1.1 server, hardened for the open internet: bounded heads and
 * bodies, deadlines, a connection cap and a write watchdog. The preview ({@code serve}) and the
 * list service ({@code list}) are both built on it.
 */
package press.callback.http;
