package io.shardline.router.merge;

import java.util.List;

final class Cursors {
    private Cursors() {
    }

    /** Closes every cursor even if some fail; the first failure is thrown with the others suppressed. */
    static void closeAll(List<RowCursor> cursors) {
        RuntimeException failure = null;
        for (RowCursor cursor : cursors) {
            try {
                cursor.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
