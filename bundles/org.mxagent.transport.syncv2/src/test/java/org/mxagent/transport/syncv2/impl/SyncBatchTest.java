package org.mxagent.transport.syncv2.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mxagent.transport.api.RoomEvent;

class SyncBatchTest {
    private final ObjectMapper mapper = new ObjectMapper();

    private SyncBatch batch(String json) throws Exception {
        return new SyncBatch((ObjectNode) mapper.readTree(json.replace('\'', '"')));
    }

    @Test
    void deliversStateThenBackfillThenTimelineOnceEach() throws Exception {
        SyncBatch batch = batch("{'next_batch':'s2','rooms':{'join':{'!r:x':{"
                + "'state':{'events':[{'event_id':'$s','type':'m.room.name','state_key':'','sender':'@a:x','content':{}}]},"
                + "'timeline':{'limited':true,'prev_batch':'p1','events':["
                + "{'event_id':'$t1','type':'t','sender':'@a:x','origin_server_ts':5,'content':{'n':1}},"
                + "{'event_id':'$s','type':'m.room.name','state_key':'','sender':'@a:x','content':{}}]}}}}}");
        ObjectNode gap = (ObjectNode) mapper.readTree("{\"event_id\":\"$g\",\"type\":\"t\",\"sender\":\"@b:x\"}");

        List<RoomEvent> events = batch.events(Map.of("!r:x", List.of(gap)));

        assertEquals(List.of("$s", "$g", "$t1"), events.stream().map(RoomEvent::eventId).toList());
        assertEquals("", events.get(0).stateKey());
        assertNull(events.get(2).stateKey());
        assertEquals(1, events.get(2).content().get("n").asInt());
        assertEquals(5, events.get(2).originServerTs());
        assertEquals(List.of(new SyncBatch.Gap("!r:x", "p1")), batch.gaps());
        assertEquals("s2", batch.nextBatch());
    }

    @Test
    void unlimitedTimelineHasNoGap() throws Exception {
        SyncBatch batch = batch("{'next_batch':'s','rooms':{'join':{'!r:x':{'timeline':{'limited':false,"
                + "'prev_batch':'p','events':[]}}}}}");
        assertEquals(List.of(), batch.gaps());
    }

    @Test
    void skipsEventsWithoutIdOrType() throws Exception {
        SyncBatch batch = batch("{'next_batch':'s','rooms':{'join':{'!r:x':{'timeline':{'events':["
                + "{'type':'t'},{'event_id':'$x'},7,{'event_id':'$ok','type':'t'}]}}}}}");
        assertEquals(List.of("$ok"), batch.events(Map.of()).stream().map(RoomEvent::eventId).toList());
    }

    @Test
    void responseWithoutNextBatchIsAnError() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> batch("{'rooms':{}}").nextBatch());
    }

    @Test
    void listsInvites() throws Exception {
        assertEquals(List.of("!i:x"), batch("{'next_batch':'s','rooms':{'invite':{'!i:x':{}}}}").invitedRooms());
    }
}
