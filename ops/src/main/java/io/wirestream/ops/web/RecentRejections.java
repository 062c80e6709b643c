package io.wirestream.ops.web;

import java.util.List;

/** The most recent rejections, newest first. Backed by a tail of wire.rejected, or by anything else. */
@FunctionalInterface
public interface RecentRejections {

    List<RejectionView> latest(int limit);
}
