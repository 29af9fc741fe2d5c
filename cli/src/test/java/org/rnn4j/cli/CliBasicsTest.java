package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.Version;

class CliBasicsTest {

    @Test
    void versionComesFromTheBuild() {
        CliRun r = CliRun.of("--version");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("rnn4j " + Version.get() + " (Java "), r.out());
        assertTrue(Version.get().matches("\\d+\\.\\d+\\.\\d+.*"), Version.get());
        assertEquals("", r.err());
    }

    @Test
    void helpAndVersionOnEveryCommand() {
        for (List<String> cmd : List.<List<String>>of(List.of(), List.of("inspect"), List.of("forecast"), List.of("forecast", "eval"),
                List.of("forecast", "predict"), List.of("forecast", "train"))) {
            String[] help = concat(cmd, "--help");
            CliRun r = CliRun.of(help);
            assertEquals(0, r.exit(), String.join(" ", help) + "\n" + r);
            assertTrue(r.out().startsWith("Usage: rnn4j" + (cmd.isEmpty() ? "" : " " + String.join(" ", cmd))), r.out());
            CliRun v = CliRun.of(concat(cmd, "--version"));
            assertEquals(0, v.exit(), v.toString());
            assertTrue(v.out().startsWith("rnn4j "), v.out());
        }
        CliRun r = CliRun.of("forecast", "eval", "--help");
        assertTrue(CliRun.of("forecast", "train", "--help").out().contains("--seed")); // only where a seed matters
        for (String opt : List.of("--threads", "--quiet", "--verbose", "--json", "--holdout", "--season", "--column", "--csv")) {
            assertTrue(r.out().contains(opt), opt + " missing from:\n" + r.out());
        }
    }

    @Test
    void usageErrorsExitTwoWithOneLineAndAHint() {
        CliRun r = CliRun.of("frobnicate");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().startsWith("rnn4j: Unmatched argument at index 0: 'frobnicate'"), r.err());
        assertTrue(r.err().contains("Try 'rnn4j --help'"), r.err());
        assertEquals("", r.out());

        r = CliRun.of();
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().startsWith("rnn4j: missing command"), r.err());

        r = CliRun.of("inspect");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("Missing required parameter: 'MODEL'"), r.err());
        assertTrue(r.err().contains("Try 'rnn4j inspect --help'"), r.err());

        assertEquals(2, CliRun.of("inspect", "x", "--threads", "0").exit());
        assertEquals(2, CliRun.of("inspect", "x", "--threads", "many").exit());
        assertEquals(2, CliRun.of("inspect", "x", "--quiet", "--verbose").exit());
        assertEquals(2, CliRun.of("forecast", "predict", "--csv", "data.csv").exit()); // needs --model or --baseline
        assertEquals(2, CliRun.of("forecast", "predict", "--csv", "data.csv", "--baseline", "prophet").exit());
    }

    private static String[] concat(List<String> head, String last) {
        String[] out = head.toArray(new String[head.size() + 1]);
        out[head.size()] = last;
        return out;
    }
}
