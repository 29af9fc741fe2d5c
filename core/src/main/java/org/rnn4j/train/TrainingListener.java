package org.rnn4j.train;

/**
 * Receives training progress; the library itself never prints. Called on the training thread
 * after every optimizer step.
 */
@FunctionalInterface
public interface TrainingListener {

    /**
     * @param iteration 1-based number of the iteration just finished
     * @param total     iterations in the run
     * @param loss      that iteration's loss, computed before its optimizer step
     */
    void iteration(int iteration, int total, float loss);

    /** A listener that ignores everything. */
    static TrainingListener none() {
        return (iteration, total, loss) -> {
        };
    }
}
