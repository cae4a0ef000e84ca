/**
 * The consistency features, as listeners on statement and commit events: read-your-writes tracking,
 * replica positions and binlog followers, the cache, delayed commit with compensation and its
 * transaction log, and redundant-copy sync and reconciliation.
 */
package io.shardline.consistency;
