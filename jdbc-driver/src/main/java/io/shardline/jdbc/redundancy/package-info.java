/**
 * The driver side of redundant copies (issue #10): the write path that maintains a copy in the application's
 * logical transaction ({@link io.shardline.jdbc.redundancy.RedundantWrites}), and {@link
 * io.shardline.jdbc.redundancy.LogicalRows}, the reconcilers' access to rows through a Shardline data source.
 */
package io.shardline.jdbc.redundancy;
