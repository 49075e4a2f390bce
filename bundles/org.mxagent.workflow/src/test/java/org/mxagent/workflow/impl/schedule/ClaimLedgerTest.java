package org.mxagent.workflow.impl.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClaimLedgerTest {

    private static Claim claim(String task, long rev, String nonce) {
        return new Claim(task, rev, "agt_a", "inv_" + nonce, nonce, "@a:x", "$" + nonce);
    }

    @Test
    void theFirstClaimPerTaskAndRevWinsInDeliveryOrder() {
        ClaimLedger ledger = new ClaimLedger();
        assertEquals("n1", ledger.record(claim("t", 0, "n1")).nonce());
        assertEquals("n1", ledger.record(claim("t", 0, "n2")).nonce(), "a later claim loses");
        assertEquals("n3", ledger.record(claim("t", 1, "n3")).nonce(), "a new rev is a new contest");
        assertEquals(1, ledger.conflicts());
    }

    @Test
    void everyNodeFedTheSameOrderReachesTheSameVerdict() {
        ClaimLedger one = new ClaimLedger();
        ClaimLedger two = new ClaimLedger();
        for (Claim c : new Claim[] {claim("t", 0, "b"), claim("t", 0, "a"), claim("u", 0, "c")}) {
            one.record(c);
            two.record(c);
        }
        assertEquals(one.winner(new Claim.Key("t", 0)), two.winner(new Claim.Key("t", 0)));
        assertEquals("b", one.winner(new Claim.Key("t", 0)).orElseThrow().nonce());
    }

    @Test
    void historyIsKnownOnlyForSeenTaskEvents() {
        ClaimLedger ledger = new ClaimLedger();
        ledger.sawTaskEvent("$e1");
        assertTrue(ledger.knowsHistorySince("$e1"));
        assertFalse(ledger.knowsHistorySince("$e0"));
    }
}
