/**
 * WebSub in (the W3C Recommendation of 2018): {@link dev.redline.push.WebSub} subscribes to the hub
 * a polled feed names, answers the hub's verification of intent at the callback {@code redline serve}
 * serves, renews leases before they end, and hands the feed a hub pushes (signed with the
 * subscription's secret, {@link dev.redline.push.HubSignature}) to {@code Discovery.ingest}, the
 * path polling uses. Polling goes on beside it as the fallback. An adapter: it gets its parts from
 * {@code dev.redline.service.Services} and writes nothing but its subscriptions itself.
 *
 * <p>Null contract: parameters and results are non-null unless their Javadoc says "or null".
 */
package dev.redline.push;
