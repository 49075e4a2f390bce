package org.mxagent.protocol.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void eachKindHasItsPrefixAndAUlid() {
        assertKind(Ids.AGENT, Ids::newAgentId);
        assertKind(Ids.TASK, Ids::newTaskId);
        assertKind(Ids.REQUEST, Ids::newRequestId);
        assertKind(Ids.INVOCATION, Ids::newInvocationId);
        assertKind(Ids.CONTEXT, Ids::newContextId);
        assertEquals(List.of("agt_", "task_", "req_", "inv_", "ctx_"),
                List.of(Ids.AGENT, Ids.TASK, Ids.REQUEST, Ids.INVOCATION, Ids.CONTEXT));
    }

    @Test
    void idsFromOneJvmAreStrictlyIncreasing() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(Ids.newUlid());
        }
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i - 1).compareTo(ids.get(i)) < 0, ids.get(i - 1) + " < " + ids.get(i));
        }
    }

    @Test
    void validationChecksPrefixLengthAndAlphabet() {
        assertTrue(Ids.isValid(Ids.INVOCATION, "inv_01ARYZ6S41TSV4RRFFQ69G5FAV"));
        assertFalse(Ids.isValid(Ids.REQUEST, "inv_01ARYZ6S41TSV4RRFFQ69G5FAV"), "wrong prefix");
        assertFalse(Ids.isValid(Ids.INVOCATION, "inv_01ARYZ6S41TSV4RRFFQ69G5FAVX"), "27 characters");
        assertFalse(Ids.isValid(Ids.INVOCATION, "inv_01ARYZ6S41TSV4RRFFQ69G5FAI"), "I is not Crockford");
        assertFalse(Ids.isValid(Ids.INVOCATION, "inv_"), "empty ULID");
        assertFalse(Ids.isValid(Ids.INVOCATION, null));
    }

    @Test
    void noncesAreSixteenRandomBytesUnpadded() {
        String nonce = Nonces.newNonce();
        assertEquals(22, nonce.length());
        assertFalse(nonce.contains("="));
        assertEquals(Nonces.BYTES, Base64.getDecoder().decode(nonce).length);
        assertNotEquals(nonce, Nonces.newNonce());
    }

    private static void assertKind(String prefix, Supplier<String> generator) {
        String id = generator.get();
        assertTrue(id.startsWith(prefix), id);
        assertEquals(prefix.length() + 26, id.length(), id);
        assertTrue(Ids.isValid(prefix, id), id);
    }
}
