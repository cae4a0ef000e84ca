/**
 * Undo records and compensation for multi-shard transactions (delayed commit): before-images captured under lock in
 * the branch's own local transaction, restored only where nobody changed the row since, and fences for recovery.
 * Entry class: {@link io.shardline.consistency.tx.undo.UndoLog}.
 */
package io.shardline.consistency.tx.undo;
