/**
 * The list service at the edge ({@code press list serve}): HTTP routes on {@link
 * press.callback.http.HttpServer}, pages from {@code templates/list/}, the emails' background
 * queue. Everything it decides is in {@link press.callback.list.ListFlows}.
 */
package press.callback.list.service;
