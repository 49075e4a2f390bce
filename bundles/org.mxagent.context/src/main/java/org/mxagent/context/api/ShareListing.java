package org.mxagent.context.api;

import java.util.List;

/** The newest shares of a room (newest first) and the events refused on the way, so forgeries are visible. */
public record ShareListing(String roomId, List<ShareEntry> shares, List<RejectedShare> rejected,
        int eventsScanned) {

    public ShareListing {
        shares = List.copyOf(shares);
        rejected = List.copyOf(rejected);
    }
}
