package org.rnn4j.optim;

import java.util.List;
import org.rnn4j.nn.Parameter;

/**
 * {@code torch.optim.AdamW}: decoupled weight decay — first {@code p ← p·(1 - lr·wd)}, then the
 * {@link Adam} update without L2. The default weight decay is 0.01.
 */
public final class AdamW extends Adam {

    public AdamW(List<? extends Parameter> params, Options options) {
        super("AdamW", params, options, true);
    }

    /** AdamW with its defaults. */
    public AdamW(List<? extends Parameter> params) {
        this(params, defaults());
    }

    /** AdamW's defaults: Adam's, with weight_decay 0.01. */
    public static Options defaults() {
        return Options.defaults().withWeightDecay(0.01);
    }
}
