/**
 * Optimizers with {@code torch.optim} semantics ({@code SGD}, {@code Adam}, {@code AdamW},
 * {@code RMSprop}, {@code Adagrad}) and their state snapshots, gradient clipping
 * ({@link org.rnn4j.optim.GradClip}) and learning-rate schedules ({@code StepLR},
 * {@code ExponentialLR}, {@code CosineAnnealingLR}, {@code ReduceLROnPlateau}).
 *
 * <pre>{@code
 * Optimizer opt = new Adam(model.parameters(), Adam.Options.defaults().withLr(0.01));
 * LRScheduler sched = new StepLR(opt, 10, 0.5);
 * for (int epoch = 0; epoch < epochs; epoch++) {
 *     opt.zeroGrad();
 *     Var loss = new MSELoss().forward(model.forward(x), y);
 *     loss.backward();
 *     GradClip.clipGradNorm(opt.params(), 1.0);
 *     opt.step();
 *     sched.step();
 * }
 * }</pre>
 */
package org.rnn4j.optim;
