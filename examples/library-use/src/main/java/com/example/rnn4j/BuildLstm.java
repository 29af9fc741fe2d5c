package com.example.rnn4j;

import org.rnn4j.autograd.Var;
import org.rnn4j.nn.recurrent.LSTM;
import org.rnn4j.nn.recurrent.RecurrentOptions;
import org.rnn4j.nn.recurrent.RecurrentOutput;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

/** {@code torch.nn.LSTM(8, 32, num_layers=2, batch_first=True)} on a random batch; checks the output shapes. */
public final class BuildLstm {
    public static void main(String[] args) {
        Rng rng = new Rng(0);
        LSTM lstm = new LSTM(8, 32, RecurrentOptions.DEFAULTS.withNumLayers(2).withBatchFirst(true), rng);
        Var x = Var.constant(Tensor.randn(rng, 4, 10, 8));   // [B=4, T=10, I=8]
        RecurrentOutput<Var> y = lstm.forward(x);             // out [B, T, H], h_n and c_n [layers, B, H]
        System.out.println("out " + y.out().shape() + ", h_n " + y.hN().shape() + ", c_n " + y.cN().shape());

        Examples.check(y.out().shape().equals(Shape.of(4, 10, 32)), "out shape " + y.out().shape());
        Examples.check(y.hN().shape().equals(Shape.of(2, 4, 32)), "h_n shape " + y.hN().shape());
        Examples.check(y.cN().shape().equals(Shape.of(2, 4, 32)), "c_n shape " + y.cN().shape());
    }
}
