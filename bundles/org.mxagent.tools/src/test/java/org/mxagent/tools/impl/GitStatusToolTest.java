package org.mxagent.tools.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class GitStatusToolTest {
    @Test
    void parsesBranchUpstreamCountsAndEntriesIncludingRenames() {
        ObjectNode status = GitStatusTool.parse("## main...origin/main [ahead 2, behind 1]\0 M src/a.java\0"
                + "R  new name.txt\0old name.txt\0?? untracked\0", false);
        assertEquals("main", status.get("branch").asText());
        assertEquals("origin/main", status.get("upstream").asText());
        assertEquals(2, status.get("ahead").asInt());
        assertEquals(1, status.get("behind").asInt());
        assertFalse(status.get("clean").asBoolean());
        assertEquals(3, status.get("entries").size());
        assertEquals(" M", status.get("entries").get(0).get("status").asText());
        assertEquals("new name.txt", status.get("entries").get(1).get("path").asText());
        assertEquals("old name.txt", status.get("entries").get(1).get("orig_path").asText());
        assertEquals("untracked", status.get("entries").get(2).get("path").asText());
    }

    @Test
    void aCleanRepositoryWithoutUpstreamAndANewOne() {
        ObjectNode clean = GitStatusTool.parse("## feature/x.y\0", false);
        assertEquals("feature/x.y", clean.get("branch").asText());
        assertTrue(clean.get("upstream").isNull());
        assertTrue(clean.get("clean").asBoolean());

        ObjectNode fresh = GitStatusTool.parse("## No commits yet on master\0", false);
        assertEquals("master", fresh.get("branch").asText());
    }

    @Test
    void manyEntriesAreCappedAndSaySo() {
        StringBuilder porcelain = new StringBuilder("## main\0");
        for (int i = 0; i < GitStatusTool.MAX_ENTRIES + 10; i++) {
            porcelain.append("?? f").append(i).append('\0');
        }
        ObjectNode status = GitStatusTool.parse(porcelain.toString(), false);
        assertEquals(GitStatusTool.MAX_ENTRIES, status.get("entries").size());
        assertTrue(status.get("truncated").asBoolean());
        assertFalse(status.get("clean").asBoolean());
    }
}
