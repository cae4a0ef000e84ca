/**
 * The crash-safe log of multi-shard transaction decisions: {@link io.shardline.consistency.tx.log.TransactionLog}
 * appends {@link io.shardline.consistency.tx.log.TxRecord}s (COMMITTING, COMPENSATING, FINISHED) to CRC32C-framed,
 * fsynced segment files and, after a crash, lists the
 * {@link io.shardline.consistency.tx.log.UnfinishedTransaction}s recovery has to complete or compensate. No JDBC here:
 * the coordinator in the driver writes the records and runs the recovery.
 */
package io.shardline.consistency.tx.log;
