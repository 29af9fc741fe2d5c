package com.example.rnn4j;

import java.util.ArrayList;
import java.util.List;
import org.rnn4j.autograd.Var;
import org.rnn4j.loss.MSELoss;
import org.rnn4j.nn.Linear;
import org.rnn4j.nn.Parameter;
import org.rnn4j.nn.recurrent.LSTM;
import org.rnn4j.nn.recurrent.RecurrentOptions;
import org.rnn4j.optim.Adam;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Tensor;

/**
 * A small LSTM learns the mean of a random sequence: the PyTorch training loop (zero_grad, forward,
 * loss, backward, step) in Java. Fails (exit code 1) unless the loss falls to a quarter or less.
 */
public final class TrainModel {
    public static void main(String[] args) {
        Rng rng = new Rng(1);
        LSTM lstm = new LSTM(1, 16, RecurrentOptions.DEFAULTS.withBatchFirst(true), rng);
        Linear head = new Linear(16, 1, rng);
        List<Parameter> params = new ArrayList<>(lstm.parameters());
        params.addAll(head.parameters());
        Adam adam = new Adam(params, Adam.Options.defaults().withLr(0.01));
        MSELoss mse = new MSELoss();

        Tensor x = Tensor.randn(rng, 32, 12, 1);             // [B=32, T=12, 1]
        Tensor y = Tensor.zeros(1, 32, 1);                    // target: each sequence's mean, [1, B, 1] like h_n
        for (int b = 0; b < 32; b++) {
            float sum = 0;
            for (int t = 0; t < 12; t++) {
                sum += x.get(b, t, 0);
            }
            y.set(sum / 12, 0, b, 0);
        }

        float first = 0;
        float last = 0;
        for (int step = 0; step < 200; step++) {
            adam.zeroGrad();
            Var hN = lstm.forward(Var.constant(x)).hN();      // [1, B, 16]: the last step's hidden state
            Var loss = mse.forward(head.forward(hN), y);
            loss.backward();
            adam.step();
            last = loss.value().item();
            if (step == 0) {
                first = last;
            }
            if (step % 50 == 0 || step == 199) {
                System.out.printf("step %3d  loss %.5f%n", step, last);
            }
        }
        Examples.check(last <= first / 4, "the loss did not fall enough: " + first + " -> " + last);
    }
}
