/**
 * Webhooks out: {@link dev.redline.webhook.Webhooks} queues a signed JSON delivery in the store's
 * outbox for every new version a watch matches (an article, a source, or a search query), and
 * delivers due ones with retries and back-off, through the fetcher's private-address guard.
 * Queued deliveries survive restarts. Nothing here is null unless a parameter says so.
 */
package dev.redline.webhook;
