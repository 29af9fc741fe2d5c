package org.rnn4j.data.text;

import java.util.Locale;

/** Whether text is lower-cased (locale-independently) before it is tokenized. */
public enum TextCase {
    KEEP, LOWER;

    public String apply(String s) {
        return this == LOWER ? s.toLowerCase(Locale.ROOT) : s;
    }
}
